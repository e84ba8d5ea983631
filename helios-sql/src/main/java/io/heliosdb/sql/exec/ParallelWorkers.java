package io.heliosdb.sql.exec;

import io.heliosdb.sql.ExecutionContext;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the extra parts of a parallel aggregate: one pool for the JVM, as many threads
 * as cores at most, started on first use and ended after half a minute idle (daemon threads, so they
 * never keep a process alive). A part no thread is free for is refused here and read by the query's own
 * thread instead ({@link ParallelParts}), so a busy pool slows a query down but never stalls it.
 */
final class ParallelWorkers {
    /** PostgreSQL's name for the same limit; 0 turns parallel aggregates off. */
    static final String SETTING = "max_parallel_workers_per_gather";

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static volatile ThreadPoolExecutor pool;

    private ParallelWorkers() {
    }

    /** How many workers a query may use beside its own thread: the setting, at most one less than the cores. */
    static int allowed(ExecutionContext context) {
        String value = context.setting(SETTING);
        int wanted;
        try {
            wanted = value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
        return Math.max(0, Math.min(wanted, java.lang.Runtime.getRuntime().availableProcessors() - 1));
    }

    /** Runs {@code task} on a free worker; throws {@link java.util.concurrent.RejectedExecutionException} if none is. */
    static void execute(Runnable task) {
        ThreadPoolExecutor p = pool;
        if (p == null) {
            synchronized (ParallelWorkers.class) {
                p = pool;
                if (p == null) {
                    int cores = java.lang.Runtime.getRuntime().availableProcessors();
                    p = new ThreadPoolExecutor(0, Math.max(1, cores), 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                            r -> {
                                Thread t = new Thread(r, "helios-parallel-" + THREADS.incrementAndGet());
                                t.setDaemon(true);
                                return t;
                            });
                    pool = p;
                }
            }
        }
        p.execute(task);
    }
}
