package io.heliosdb.sql;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the extra parts of a parallel aggregate for one database: as many as cores at
 * most, started on first use, ended after half a minute idle, and all stopped by {@link #close} (the
 * database closes it, so no thread outlives it). A part no thread is free for is refused with
 * {@link RejectedExecutionException}, and the query's own thread reads it instead: a busy pool slows a
 * query down but never stalls it.
 */
public final class ParallelWorkerPool implements Executor, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ThreadPoolExecutor pool;
    /**
     * The pool's threads still running. The executor counts a worker as gone (and may report termination) while
     * its thread is still on its way out, so {@link #close} joins these to be sure none is left.
     */
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    public ParallelWorkerPool() {
        int cores = Runtime.getRuntime().availableProcessors();
        pool = new ThreadPoolExecutor(0, Math.max(1, cores), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread[] self = new Thread[1];
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    live.remove(self[0]);
                }
            }, "helios-parallel-" + THREADS.incrementAndGet());
            self[0] = t;
            t.setDaemon(true);
            live.add(t);
            return t;
        });
    }

    /** Runs {@code task} on a free worker; throws {@link RejectedExecutionException} if none is, or once closed. */
    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /** Threads alive now (for tests). */
    public int threads() {
        return live.size();
    }

    /**
     * Stops every worker: running parts are interrupted and their queries fail or finish on their own threads.
     * Returns once every thread the pool started has ended.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    break;
                }
                // a part reading a large range stops at its next batch
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread t : List.copyOf(live)) {
            while (true) {
                try {
                    t.join();
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
