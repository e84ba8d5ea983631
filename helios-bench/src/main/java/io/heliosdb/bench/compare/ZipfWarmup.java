package io.heliosdb.bench.compare;

/**
 * How the zipfian workload warms up, on every system alike: until the JIT is quiet ({@link JitQuiet}) and the hit
 * rate of the memory its reads are served from has levelled off ({@link SteadyHitRate} over windows of a tenth of
 * the table's rows, at least 20,000 reads): Hybrid's row cache, Server's and Embedded's block cache. An operation
 * count ended it before, which at full scale ran into the 20 s cap on every wire target, with the JIT still busy and
 * the Hybrid cache still filling, and the 1 s window that followed let one slow second decide a round; so the
 * measured window is longer too. A system without such counters waits for the JIT alone.
 */
final class ZipfWarmup {
    /** What {@link Measurement}'s log says ended a warm-up by this rule. */
    static final String LABEL = "jit quiet and hit rate steady";
    /** No operation count ends this warm-up. */
    static final long MIN_WINDOW_OPS = 20_000;

    private final JitQuiet jit;
    private final SteadyHitRate hits;
    private final Target.Instance instance;
    private boolean noCounters;

    ZipfWarmup(JitQuiet jit, SteadyHitRate hits, Target.Instance instance) {
        this.jit = jit;
        this.hits = hits;
        this.instance = instance;
    }

    /** For this JVM's JIT and the instance's memory counters. */
    static ZipfWarmup of(Target.Instance instance, Scale scale, Pacing pacing) {
        return new ZipfWarmup(JitQuiet.ofThisJvm(pacing.quietOps(), System.nanoTime()),
                new SteadyHitRate(Math.max(MIN_WINDOW_OPS, scale.rows() / 10)), instance);
    }

    /**
     * The zipfian workload's pacing: at least the OLTP minimum time, then until {@link #reached}; measured for at least
     * 3 s (full; the quick run's OLTP time) and 5,000 operations. Caps: 60 s full, the OLTP cap quick.
     */
    static Pacing pacing(Scale scale, Pacing oltp) {
        boolean quick = scale.name().equals("quick");
        return new Pacing(oltp.warmupMillis(), Pacing.NO_COUNT, quick ? oltp.measureMillis() : 3_000, oltp.measureOps(),
                quick ? oltp.capMillis() : 60_000, Pacing.QUIET_OPS);
    }

    /** One line for the report (CompareMain adds the cap). */
    static String describe(Pacing p) {
        return String.format(java.util.Locale.ROOT, "warm-up until %s and both the JIT quiet (compiling at most 5%% "
                + "of the time over %,d ops) and the hit rate of the memory the reads are served from (Hybrid's row "
                + "cache, the block cache elsewhere) level (windows of a tenth of the rows, at least %,d ops, the last "
                + "within %.1f point of the one before), then measured until both %s and %,d ops",
                seconds(p.warmupMillis()), p.quietOps(), MIN_WINDOW_OPS, 100 * SteadyHitRate.TOLERANCE,
                seconds(p.measureMillis()), p.measureOps());
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Whether the warm-up may end after {@code ops} operations; reads the counters only when a window closes. */
    synchronized boolean reached(long ops, long now) {
        boolean quietJit = jit.quiet(ops, now);
        if (!noCounters && hits.due(ops)) {
            long[] counters;
            try {
                counters = instance.memoryHitsAndMisses();
            } catch (Exception e) {
                counters = null;
            }
            if (counters == null) {
                noCounters = true;
            } else {
                hits.offer(ops, counters[0], counters[1]);
            }
        }
        return quietJit && (noCounters || hits.steady());
    }
}
