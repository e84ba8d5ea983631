package io.heliosdb.wire;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run connections' statements. A task is handed straight to an idle worker
 * (SynchronousQueue: the one that went idle last, whose caches are warm), and a new worker starts
 * only when none is idle. A pool with a task queue and a large core size would instead start a new
 * thread for each of its first tasks and then wake its idle workers in turn, so one busy connection
 * kept every worker alive and cold.
 * <p>
 * Up to {@code size} workers run at once: one per possible connection, because a statement waiting
 * on a row lock holds its worker, and with fewer workers than sessions the waiters could occupy them
 * all while the lock holders' COMMITs wait for a worker. Only beyond that (more connections busy at
 * once than allowed, e.g. clients being refused) do tasks queue, on a small overflow pool.
 */
final class WorkerPool implements Executor {
    private static final long KEEP_ALIVE_SECONDS = 30;

    /** Marks the overflow pool's threads, which must not wait on a connection's socket (few, shared, queued). */
    private static final ThreadLocal<Boolean> OVERFLOW_THREAD = ThreadLocal.withInitial(() -> false);

    private final ThreadPoolExecutor overflow;
    private final ThreadPoolExecutor workers;

    WorkerPool(int size) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        overflow = new ThreadPoolExecutor(cores, cores, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), overflowThreads(new DefaultThreadFactory("helios-pg-overflow", true)));
        overflow.allowCoreThreadTimeOut(true);
        workers = new ThreadPoolExecutor(0, Math.max(1, size), KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new DefaultThreadFactory("helios-pg-worker", true),
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException("the server is shutting down");
                    }
                    overflow.execute(task);
                });
    }

    private static ThreadFactory overflowThreads(ThreadFactory factory) {
        return task -> factory.newThread(() -> {
            OVERFLOW_THREAD.set(true);
            task.run();
        });
    }

    /** Whether the calling thread is one of the overflow pool's. */
    boolean onOverflowThread() {
        return OVERFLOW_THREAD.get();
    }

    /** Throws RejectedExecutionException once {@link #shutdown} began. */
    @Override
    public void execute(Runnable task) {
        workers.execute(task);
    }

    /** Stops taking tasks, waits up to {@code seconds} for running ones, then interrupts what is left. */
    void shutdown(long seconds) {
        workers.shutdown();
        overflow.shutdown();
        try {
            if (!workers.awaitTermination(seconds, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            if (!overflow.awaitTermination(seconds, TimeUnit.SECONDS)) {
                overflow.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            overflow.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
