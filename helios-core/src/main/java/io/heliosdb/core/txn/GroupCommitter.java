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
 *
 * <p>With early lock release ({@link #earlyLockRelease()}) a synchronous group is written without a
 * sync, then the leader runs each member's release action (its row locks) and hands the writing
 * role on, and only then syncs: a transaction waiting for one of those locks runs, and its commit can
 * be written, while the sync is in flight, so transactions updating the same row are no longer one
 * sync apart. Two marks follow: {@link #appliedTs()} (written to the engine) and {@link #visibleTs()}
 * (durable; snapshots are taken here, so no reader sees what a crash could still undo). A commit is
 * acknowledged only once durable; a sync covers every write before it, so a later commit's
 * durability implies an earlier one's. A failed sync fails every written-but-not-durable commit and
 * every later one: the store must be reopened, as PostgreSQL PANICs on a failed fsync.
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
        /** Runs once the commit is written, before it is durable; null: the commit keeps everything until durable. */
        final Runnable releaseEarly;
        final Thread owner = Thread.currentThread();
        volatile int state = WAITING;
        RuntimeException failure;

        Pending(long ts, WriteBatch batch, LongConsumer onApplied, Runnable releaseEarly) {
            this.ts = ts;
            this.batch = batch;
            this.onApplied = onApplied;
            this.releaseEarly = releaseEarly;
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
    /** Snapshots are taken here: every commit at or below it is applied and (with early release) durable. */
    private volatile long visibleTs;
    private boolean writing;
    /** Early lock release: synchronous groups are written, released and then synced (see the class comment). */
    private final boolean early;
    /** The newest commit written to the engine (equal to visibleTs without early release). */
    private volatile long appliedTs;
    /** Guards {@link #syncing}, the raising of visibleTs under early release, and waits for it. */
    private final Object durability = new Object();
    private boolean syncing;
    /** Set by a failed write or sync under early release: every later commit is refused. */
    private volatile RuntimeException broken;
    private final AtomicLong syncs = new AtomicLong();
    /** Held around each group's storage write, and by {@link #excludingWrites} callers. */
    private final ReentrantLock storageWrite = new ReentrantLock();

    /** {@code startTs}: the newest commit timestamp already in storage. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs) {
        this(engine, sync, startTs, null);
    }

    /** As above; {@code groupTrailer} adds to each group's batch what it needs once, given its newest timestamp. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs, BiConsumer<WriteBatch, Long> groupTrailer) {
        this(engine, sync, startTs, groupTrailer, false);
    }

    /** As above; {@code earlyLockRelease}: release what commits allow once written, before the sync (only matters with {@code sync}). */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs, BiConsumer<WriteBatch, Long> groupTrailer,
                   boolean earlyLockRelease) {
        this.engine = engine;
        this.sync = sync;
        this.lastTs = startTs;
        this.visibleTs = startTs;
        this.appliedTs = startTs;
        this.groupTrailer = groupTrailer;
        this.early = earlyLockRelease && sync;
    }

    /** Every commit at or below this timestamp is applied (and durable, under early release); snapshots are taken here. */
    public long visibleTs() {
        return visibleTs;
    }

    /** The newest commit written to the engine: above {@link #visibleTs()} only while its sync is pending. */
    public long appliedTs() {
        return appliedTs;
    }

    /** Whether synchronous commits release early (see the class comment). */
    public boolean earlyLockRelease() {
        return early;
    }

    /** Syncs made for commits: one per group without early release, one per one or more groups with it. */
    public long syncsDone() {
        return early ? syncs.get() : sync ? groups.get() : 0;
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
        return commit(build, onApplied, null);
    }

    /**
     * {@link #commit(LongFunction, LongConsumer)}; under early lock release {@code releaseEarly} (when not
     * null) runs, on the leader's thread, after the commit is written and its {@code onApplied} ran, before
     * its sync: what it releases lets others act on the commit before it is durable. A group with a commit
     * that passes null is written synced and runs every callback after the sync, as without early release.
     */
    public long commit(LongFunction<WriteBatch> build, LongConsumer onApplied, Runnable releaseEarly) {
        long start = System.nanoTime();
        refuseIfBroken();
        Pending mine;
        boolean lead;
        synchronized (this) {
            long ts = ++lastTs;
            mine = new Pending(ts, build.apply(ts), onApplied, releaseEarly);
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
        // Early: every member may release before the sync; otherwise the write syncs and nothing shows before.
        boolean releaseFirst = early;
        if (early) {
            for (Pending p : group) {
                releaseFirst &= p.releaseEarly != null;
            }
        }
        long newest = group.get(group.size() - 1).ts;
        RuntimeException failure = null;
        try {
            if (early) {
                refuseIfBroken(); // queued before an earlier group's sync failed: must not reach the engine
            }
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
                groupTrailer.accept(merged, newest);
            }
            storageWrite.lock();
            long writeStart = System.nanoTime();
            try {
                engine.write(merged, sync && !releaseFirst);
            } finally {
                writeNanos.addAndGet(System.nanoTime() - writeStart);
                storageWrite.unlock();
            }
            groups.incrementAndGet();
            commits.addAndGet(group.size());
            if (early && !releaseFirst) {
                syncs.incrementAndGet(); // the write synced
            }
        } catch (RuntimeException e) {
            failure = e;
            if (early) {
                breakCommits(e); // it may have reached the engine's memory and the log: nothing after it may commit
            }
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
        if (early) {
            if (failure == null) {
                appliedTs = newest; // before any release: a waiter may take a snapshot at a commit it then reads
            }
            if (releaseFirst && failure == null) {
                for (Pending p : group) {
                    if (p.failure == null) {
                        p.releaseEarly.run();
                    }
                }
            }
        }
        Pending next;
        synchronized (this) {
            if (!early) {
                appliedTs = newest;
                visibleTs = newest;
            }
            next = queue.isEmpty() ? null : queue.get(0);
            writing = next != null;
        }
        // The next leader first: the disk is idle until it writes.
        if (next != null) {
            next.state = LEADING;
            LockSupport.unpark(next.owner);
        }
        if (early && failure == null) {
            if (releaseFirst) {
                // Written and released; the next group may be written meanwhile. Now make this one durable.
                try {
                    awaitDurable(newest);
                } catch (RuntimeException e) {
                    failure = e;
                }
            } else {
                raiseVisible(newest); // the synced write covered every earlier write too
            }
            if (failure != null) {
                for (Pending p : group) {
                    p.failure = failure;
                }
            }
        }
        Thread self = Thread.currentThread();
        for (Pending p : group) {
            p.state = DONE; // volatile write after failure and visibleTs: the owner sees both
            if (p.owner != self) {
                LockSupport.unpark(p.owner);
            }
        }
    }

    /**
     * Returns once every commit at or below {@code ts} is durable (at once when it already is, or without
     * early release, where visibility implies it). Syncs run one at a time, each covering every commit
     * written before it started, so one sync serves the groups written during the previous one; the
     * caller whose commit is not covered yet runs the next sync itself. Throws when a sync failed.
     */
    public void awaitDurable(long ts) {
        if (!early) {
            return; // commits are visible only once durable
        }
        boolean interrupted = false;
        try {
            while (visibleTs < ts) {
                long target;
                synchronized (durability) {
                    while (visibleTs < ts && broken == null && syncing) {
                        try {
                            durability.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the commit is written: its outcome must still be waited for
                        }
                    }
                    if (visibleTs >= ts) {
                        return;
                    }
                    refuseIfBroken();
                    syncing = true;
                    target = appliedTs;
                }
                RuntimeException failure = null;
                long syncStart = System.nanoTime();
                try {
                    engine.sync();
                } catch (RuntimeException e) {
                    failure = e;
                }
                writeNanos.addAndGet(System.nanoTime() - syncStart);
                syncs.incrementAndGet();
                synchronized (durability) {
                    syncing = false;
                    if (failure == null) {
                        if (target > visibleTs) {
                            visibleTs = target;
                        }
                    } else if (broken == null) {
                        broken = failure;
                    }
                    durability.notifyAll();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void raiseVisible(long ts) {
        synchronized (durability) {
            if (ts > visibleTs) {
                visibleTs = ts;
            }
            durability.notifyAll();
        }
    }

    private void breakCommits(RuntimeException failure) {
        synchronized (durability) {
            if (broken == null) {
                broken = failure;
            }
            durability.notifyAll();
        }
    }

    /** Under early release, after a failed write or sync: commits written since may be lost, so none may follow. */
    private void refuseIfBroken() {
        RuntimeException failure = broken;
        if (failure != null) {
            throw new HeliosException(SqlState.IO_ERROR, "commits are refused after a failed storage sync until the"
                    + " database is reopened: " + failure.getMessage(), failure);
        }
    }
}
