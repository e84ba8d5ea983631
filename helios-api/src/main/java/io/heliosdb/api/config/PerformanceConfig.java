package io.heliosdb.api.config;

/**
 * {@code [performance]}.
 *
 * @param workerThreads     threads that run queries for server connections (0: one per core)
 * @param simdEnabled       allow vectorised kernels where the JVM offers them
 * @param parallelQuery     allow one query to use several threads
 * @param queryTimeoutSecs  cancel a statement running longer than this (0: no limit)
 */
public record PerformanceConfig(int workerThreads, boolean simdEnabled, boolean parallelQuery, int queryTimeoutSecs) {

    public static PerformanceConfig defaults() {
        return new PerformanceConfig(0, true, false, 0);
    }

    /** The effective worker thread count. */
    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
