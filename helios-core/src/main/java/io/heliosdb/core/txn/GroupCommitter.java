package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Assigns commit timestamps and writes commits so that concurrent committers share one storage
 * sync. Committers queue in timestamp order; whoever finds no write in flight becomes the leader,
 * takes everything queued (all that arrived during the previous sync), writes it as one atomic
 * batch in timestamp order, and only then marks those commits applied and visible and wakes
 * their owners. A commit is therefore acknowledged only once durable (with {@code sync}), and a
 * snapshot never sees a later commit without the earlier ones.
 *
 * <p>Hand-over is direct: a finished leader makes the oldest queued committer the next leader and
 * wakes it first, before the members of its own group, so the next sync starts as soon as the
 * previous one ended and no committer is woken only to find it must wait again (on two cores, a
 * woken crowd would otherwise delay the one thread the disk waits for).
 */
public final class GroupCommitter {
    private static final int WAITING = 0;
    private static final int LEADING = 1;
    private static final int DONE = 2;

    /** One queued commit. */
    private static final class Pending {
        final long ts;
        final WriteBatch batch;
        final LongConsumer onApplied;
        final Thread owner = Thread.currentThread();
        volatile int state = WAITING;
        RuntimeException failure;

        Pending(long ts, WriteBatch batch, LongConsumer onApplied) {
            this.ts = ts;
            this.batch = batch;
            this.onApplied = onApplied;
        }
    }

    private final StorageEngine engine;
    private final boolean sync;
    /** Adds what a group writes once for all its commits (the newest commit timestamp), or null. */
    private final BiConsumer<WriteBatch, Long> groupTrailer;
    private final List<Pending> queue = new ArrayList<>();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    /** Time in storage writes (with their syncs), and from commit request to return, summed over groups / commits. */
    private final AtomicLong writeNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private long lastTs;
    private volatile long visibleTs;
    private boolean writing;
    /** Held around each group's storage write, and by {@link #excludingWrites} callers. */
    private final ReentrantLock storageWrite = new ReentrantLock();

    /** {@code startTs}: the newest commit timestamp already in storage. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs) {
        this(engine, sync, startTs, null);
    }

    /** As above; {@code groupTrailer} adds to each group's batch what it needs once, given its newest timestamp. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs, BiConsumer<WriteBatch, Long> groupTrailer) {
        this.engine = engine;
        this.sync = sync;
        this.lastTs = startTs;
        this.visibleTs = startTs;
        this.groupTrailer = groupTrailer;
    }

    /** Every commit at or below this timestamp is applied; snapshots are taken here. */
    public long visibleTs() {
        return visibleTs;
    }

    /** Storage writes made for commits (each one sync when commits are synchronous). */
    public long groupsWritten() {
        return groups.get();
    }

    public long commitsWritten() {
        return commits.get();
    }

    /** Nanoseconds spent in the groups' storage writes (each with its sync when commits are synchronous). */
    public long writeNanos() {
        return writeNanos.get();
    }

    /** Nanoseconds from commit request to durable return, summed over commits. */
    public long commitNanos() {
        return commitNanos.get();
    }

    /** Commits queued behind the write in flight. */
    public synchronized int queued() {
        return queue.size();
    }

    public boolean synchronous() {
        return sync;
    }

    /**
     * Runs {@code action} while no commit group writes to storage, so what it reads stays the newest
     * stored state until it returns. Vacuum removes a deletion marker this way: index entries are
     * written without a lock on their key, so only this keeps a commit that re-inserts the entry
     * between vacuum's re-read and its delete from having the live entry deleted.
     */
    <T> T excludingWrites(Supplier<T> action) {
        storageWrite.lock();
        try {
            return action.get();
        } finally {
            storageWrite.unlock();
        }
    }

    /** True while a group waits for {@link #excludingWrites} to end (tests). */
    boolean writeWaiting() {
        return storageWrite.hasQueuedThreads();
    }

    /**
     * Commits: {@code build} makes the batch for the assigned timestamp (called once, under the
     * queue monitor, so it must be cheap); {@code onApplied} runs, in timestamp order, after the
     * write and before the commit becomes visible.
     *
     * @return the commit timestamp
     */
    public long commit(LongFunction<WriteBatch> build, LongConsumer onApplied) {
        long start = System.nanoTime();
        Pending mine;
        boolean lead;
        synchronized (this) {
            long ts = ++lastTs;
            mine = new Pending(ts, build.apply(ts), onApplied);
            queue.add(mine);
            lead = !writing;
            writing = true;
        }
        if (!lead) {
            awaitTurn(mine);
        }
        if (mine.state == LEADING || lead) {
            List<Pending> group;
            synchronized (this) {
                group = new ArrayList<>(queue);
                queue.clear();
            }
            writeGroup(group); // includes mine: a leader is always the oldest queued commit
        }
        commitNanos.addAndGet(System.nanoTime() - start);
        if (mine.failure != null) {
            throw new HeliosException(SqlState.IO_ERROR, "could not write the commit: " + mine.failure.getMessage(),
                    mine.failure);
        }
        return mine.ts;
    }

    /** Parks until the commit is written by another leader, or this thread is made the leader. */
    private void awaitTurn(Pending mine) {
        boolean interrupted = false;
        while (mine.state == WAITING) {
            LockSupport.park(this);
            // The commit is queued and will be written; it cannot be taken back now.
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeGroup(List<Pending> group) {
        RuntimeException failure = null;
        try {
            WriteBatch merged = group.size() == 1 ? group.get(0).batch : new WriteBatch();
            if (group.size() > 1) {
                for (Pending p : group) {
                    for (WriteBatch.Op op : p.batch.ops()) {
                        if (op.isDelete()) {
                            merged.delete(op.keyspace(), op.key());
                        } else {
                            merged.put(op.keyspace(), op.key(), op.value());
                        }
                    }
                }
            }
            if (groupTrailer != null) {
                groupTrailer.accept(merged, group.get(group.size() - 1).ts);
            }
            storageWrite.lock();
            long writeStart = System.nanoTime();
            try {
                engine.write(merged, sync);
            } finally {
                writeNanos.addAndGet(System.nanoTime() - writeStart);
                storageWrite.unlock();
            }
            groups.incrementAndGet();
            commits.addAndGet(group.size());
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Pending p : group) {
            if (failure == null) {
                try {
                    p.onApplied.accept(p.ts);
                } catch (RuntimeException e) {
                    p.failure = e;
                }
            } else {
                p.failure = failure;
            }
        }
        Pending next;
        synchronized (this) {
            visibleTs = group.get(group.size() - 1).ts;
            next = queue.isEmpty() ? null : queue.get(0);
            writing = next != null;
        }
        // The next leader first: the disk is idle until it writes.
        if (next != null) {
            next.state = LEADING;
            LockSupport.unpark(next.owner);
        }
        Thread self = Thread.currentThread();
        for (Pending p : group) {
            p.state = DONE; // volatile write after failure and visibleTs: the owner sees both
            if (p.owner != self) {
                LockSupport.unpark(p.owner);
            }
        }
    }
}
