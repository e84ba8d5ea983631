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
 * The extra parts of a split scan (see {@link ColumnBatchCursor#split}), each read by a worker thread while
 * the query's own thread reads its part. Whoever claims a part first reads it: a worker, or the query's
 * thread once its own part is done, so a part no worker got to never waits for one. Every part's cursor is
 * closed by its reader; {@link #close()} stops and waits for the parts still running, so nothing reads the
 * statement's snapshot after the statement let go of it.
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

    private final class Part implements Runnable {
        final ColumnBatchCursor cursor;
        final AtomicBoolean claimed = new AtomicBoolean();
        final CountDownLatch done = new CountDownLatch(1);
        // Written before done counts down, read after it did.
        S result;
        Throwable failure;

        Part(ColumnBatchCursor cursor) {
            this.cursor = cursor;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                read();
            }
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

    /** Offers every part to the workers; those no worker is free for wait for {@link #finish}. */
    static <S> ParallelParts<S> start(java.util.concurrent.Executor workers, List<ColumnBatchCursor> cursors,
                                      Work<S> work) {
        ParallelParts<S> p = new ParallelParts<>(cursors, work);
        for (ParallelParts<S>.Part part : p.parts) {
            try {
                workers.execute(part);
            } catch (RejectedExecutionException e) {
                // Every worker is busy: finish() reads this part on the query's thread.
            }
        }
        return p;
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
        for (Part p : parts) {
            if (p.claimed.compareAndSet(false, true)) {
                if (!stopped) {
                    p.read();
                } else {
                    p.cursor.close();
                    p.done.countDown();
                }
            }
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
