package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

/**
 * Assigns commit timestamps and writes commits so that concurrent committers share one storage
 * sync. Committers queue in timestamp order; whoever finds no write in flight becomes the leader,
 * takes everything queued (all that arrived during the previous sync), writes it as one atomic
 * batch in timestamp order, and only then marks those commits applied and visible and wakes
 * their owners. A commit is therefore acknowledged only once durable (with {@code sync}), and a
 * snapshot never sees a later commit without the earlier ones.
 */
public final class GroupCommitter {
    /** One queued commit. */
    private static final class Pending {
        final long ts;
        final WriteBatch batch;
        final LongConsumer onApplied;
        boolean done;
        RuntimeException failure;

        Pending(long ts, WriteBatch batch, LongConsumer onApplied) {
            this.ts = ts;
            this.batch = batch;
            this.onApplied = onApplied;
        }
    }

    private final StorageEngine engine;
    private final boolean sync;
    private final List<Pending> queue = new ArrayList<>();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private long lastTs;
    private volatile long visibleTs;
    private boolean writing;

    /** {@code startTs}: the newest commit timestamp already in storage. */
    GroupCommitter(StorageEngine engine, boolean sync, long startTs) {
        this.engine = engine;
        this.sync = sync;
        this.lastTs = startTs;
        this.visibleTs = startTs;
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

    /** Commits queued behind the write in flight. */
    public synchronized int queued() {
        return queue.size();
    }

    public boolean synchronous() {
        return sync;
    }

    /**
     * Commits: {@code build} makes the batch for the assigned timestamp (called once, under the
     * queue monitor, so it must be cheap); {@code onApplied} runs, in timestamp order, after the
     * write and before the commit becomes visible.
     *
     * @return the commit timestamp
     */
    public long commit(LongFunction<WriteBatch> build, LongConsumer onApplied) {
        Pending mine;
        synchronized (this) {
            long ts = ++lastTs;
            mine = new Pending(ts, build.apply(ts), onApplied);
            queue.add(mine);
        }
        boolean interrupted = false;
        while (true) {
            List<Pending> group;
            synchronized (this) {
                while (!mine.done && writing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // The commit is queued and will be written; it cannot be taken back now.
                        interrupted = true;
                    }
                }
                if (mine.done) {
                    break;
                }
                writing = true;
                group = new ArrayList<>(queue);
                queue.clear();
            }
            writeGroup(group);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw new HeliosException(SqlState.IO_ERROR, "could not write the commit: " + mine.failure.getMessage(),
                    mine.failure);
        }
        return mine.ts;
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
            engine.write(merged, sync);
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
        synchronized (this) {
            visibleTs = group.get(group.size() - 1).ts;
            for (Pending p : group) {
                p.done = true;
            }
            writing = false;
            notifyAll();
        }
    }
}
