package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ColumnBatchCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The extra parts of a split scan (see {@link ColumnBatchCursor#split}), read by worker threads while the
 * query's own thread reads its part. Every reader claims the next unread part in key order until none is
 * left: a worker, or the query's thread once its own part is done. With several parts per reader, a reader
 * that got less of the machine (a loaded core, a compiler thread beside it) simply reads fewer of them, and
 * a part no worker got to never waits for one. Every part's cursor is closed by its reader; {@link #close()}
 * stops and waits for the parts still running, so nothing reads the statement's snapshot after the
 * statement let go of it.
 *
 * @param <S> what reading one part gives (its partial aggregate)
 */
final class ParallelParts<S> implements AutoCloseable {

    /** Reads one part; polls {@code stopped} between batches and returns early once it is true. */
    interface Work<S> {
        S read(ColumnBatchCursor part, BooleanSupplier stopped);
    }

    private final List<Part> parts = new ArrayList<>();
    private final Work<S> work;
    private volatile boolean stopped;

    private final class Part {
        final ColumnBatchCursor cursor;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CountDownLatch done = new CountDownLatch(1);
        // Written before done counts down, read after it did.
        S result;
        Throwable failure;

        Part(ColumnBatchCursor cursor) {
            this.cursor = cursor;
        }

        void read() {
            try {
                result = work.read(cursor, () -> stopped);
            } catch (Throwable t) {
                failure = t;
                stopped = true;
            } finally {
                try {
                    cursor.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                } finally {
                    done.countDown();
                }
            }
        }

        /** Closes the part unread if nobody claimed it yet; false if a reader has it. */
        boolean abandon() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            try {
                cursor.close();
            } finally {
                done.countDown();
            }
            return true;
        }
    }

    private ParallelParts(List<ColumnBatchCursor> cursors, Work<S> work) {
        this.work = work;
        for (ColumnBatchCursor c : cursors) {
            parts.add(new Part(c));
        }
    }

    /**
     * Starts up to {@code readers} workers on the parts (each reads part after part, see {@link #claimNext});
     * parts no worker gets to are read by {@link #finish}.
     */
    static <S> ParallelParts<S> start(java.util.concurrent.Executor workers, int readers,
                                      List<ColumnBatchCursor> cursors, Work<S> work) {
        ParallelParts<S> p = new ParallelParts<>(cursors, work);
        for (int i = 0; i < Math.min(readers, p.parts.size()); i++) {
            try {
                workers.execute(p::readWhileAny);
            } catch (RejectedExecutionException e) {
                break;   // every worker is busy: finish() reads the parts on the query's thread
            }
        }
        return p;
    }

    /** A worker's loop: reads unclaimed parts in key order until none is left or a part failed. */
    private void readWhileAny() {
        Part p;
        while (!stopped && (p = claimNext()) != null) {
            p.read();
        }
    }

    /** The first part nobody claimed yet, now claimed by the caller; null when every part is. */
    private Part claimNext() {
        for (Part p : parts) {
            if (!p.claimed.get() && p.claimed.compareAndSet(false, true)) {
                return p;
            }
        }
        return null;
    }

    /** Whether a part failed: the query's thread may stop reading its own part. */
    boolean failed() {
        return stopped;
    }

    /**
     * Reads the parts nobody claimed, waits for the others (checking {@code cancelled} while it waits) and
     * returns every part's result in part order; rethrows the first failure.
     */
    List<S> finish(Runnable cancelled) {
        Part next;
        while (true) {
            cancelled.run();   // before claiming: a claimed part must be read or closed
            if ((next = claimNext()) == null) {
                break;
            }
            if (!stopped) {
                next.read();
            } else {
                try {
                    next.cursor.close();
                } finally {
                    next.done.countDown();
                }
            }
        }
        for (Part p : parts) {
            try {
                while (!p.done.await(50, TimeUnit.MILLISECONDS)) {
                    cancelled.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to an interrupt");
            }
        }
        List<S> results = new ArrayList<>(parts.size());
        for (Part p : parts) {
            if (p.failure != null) {
                throw rethrown(p.failure);
            }
            results.add(p.result);
        }
        return results;
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new HeliosException(SqlState.INTERNAL_ERROR, "a parallel worker failed: " + t, t);
    }

    /** Stops the parts: closes those nobody claimed and waits for those being read. Idempotent. */
    @Override
    public void close() {
        stopped = true;
        boolean interrupted = false;
        for (Part p : parts) {
            if (p.abandon()) {
                continue;
            }
            while (true) {
                try {
                    p.done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
