package io.heliosdb.sql.exec;

import io.heliosdb.sql.ExecutionContext;

/**
 * How many workers a parallel aggregate may use; the threads are the database's
 * ({@link ExecutionContext#parallelWorkers}, a {@link io.heliosdb.sql.ParallelWorkerPool} it closes).
 */
final class ParallelWorkers {
    /** PostgreSQL's name for the same limit; 0 turns parallel aggregates off. */
    static final String SETTING = "max_parallel_workers_per_gather";

    private ParallelWorkers() {
    }

    /**
     * How many workers a query may use beside its own thread: the setting, at most one less than the cores,
     * and none where the database offers no workers.
     */
    static int allowed(ExecutionContext context) {
        if (context.parallelWorkers() == null) {
            return 0;
        }
        String value = context.setting(SETTING);
        int wanted;
        try {
            wanted = value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
        return Math.max(0, Math.min(wanted, java.lang.Runtime.getRuntime().availableProcessors() - 1));
    }
}
