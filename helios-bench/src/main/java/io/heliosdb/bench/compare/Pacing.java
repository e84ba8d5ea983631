package io.heliosdb.bench.compare;

import java.util.Locale;

/**
 * When a run's warm-up and measurement end. Each ends at whichever comes later of a minimum time
 * and a minimum number of operations (all sessions together), so a slow operation still runs often
 * enough for the JIT to compile its path before it is measured; {@code capMillis} bounds each phase
 * so a very slow system ends instead of hitting the run's timeout. The same rule applies to every
 * system of a run: it depends only on the scale and the workload.
 *
 * @param warmupMillis  least time spent warming up
 * @param warmupOps     least operations run while warming up
 * @param measureMillis least time measured
 * @param measureOps    least operations measured
 * @param capMillis     most time spent in either phase, whatever its minimum count
 */
public record Pacing(long warmupMillis, long warmupOps, long measureMillis, long measureOps, long capMillis) {

    /**
     * The rule for one workload at one scale. OLTP minimums count rows, so a 1,000-row transaction
     * needs 1,000 times fewer operations than a single-row one (the per-row path runs as often).
     */
    public static Pacing of(Scale scale, Workload workload) {
        boolean quick = scale.name().equals("quick");
        long cap = quick ? 15_000 : 120_000;
        Pacing rows = switch (workload.kind()) {
            // A scan of 20k rows takes ~200 ms interpreted: 20 operations get it compiled.
            case ANALYTICS -> quick ? new Pacing(3_000, 20, 2_000, 10, cap) : new Pacing(5_000, 20, 5_000, 10, cap);
            case OLTP -> quick ? new Pacing(1_000, 20_000, 1_000, 2_000, cap)
                    : new Pacing(2_000, 20_000, 5_000, 5_000, cap);
            // Each commit waits for the disk: a few hundred reach steady state without taking minutes.
            case DURABLE -> quick ? new Pacing(1_000, 200, 1_000, 200, cap) : new Pacing(2_000, 200, 5_000, 500, cap);
            // pgbench keeps its own clock (-T, whole seconds): warm-up repeats short runs until the count is
            // reached (or the cap), so the server's JIT has compiled its path; the measured run is time only.
            case PGBENCH -> quick ? new Pacing(1_000, 5_000, 3_000, 0, cap) : new Pacing(2_000, 20_000, 10_000, 0, cap);
        };
        if (workload.kind() == Workload.Kind.PGBENCH) {
            return rows;
        }
        int perOp = Math.max(1, workload.rowsPerOperation());
        return new Pacing(rows.warmupMillis, Math.max(1, rows.warmupOps / perOp), rows.measureMillis,
                Math.max(1, rows.measureOps / perOp), cap);
    }

    /** One line for the report, e.g. {@code warm-up until both 3 s and 20 ops, then measured until both 2 s and 10 ops}. */
    public String describe() {
        if (measureOps == 0) {
            return String.format(Locale.ROOT, "pgbench -T: warm-up runs of %s repeated until %,d transactions, then "
                    + "measured %s", seconds(warmupMillis), warmupOps, seconds(measureMillis));
        }
        return String.format(Locale.ROOT, "warm-up until both %s and %,d ops, then measured until both %s and %,d ops",
                seconds(warmupMillis), warmupOps, seconds(measureMillis), measureOps);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
