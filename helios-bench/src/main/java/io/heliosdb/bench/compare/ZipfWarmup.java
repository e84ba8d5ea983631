package io.heliosdb.bench.compare;

/**
 * How the zipfian workload warms up, on every system alike: until the JIT is quiet ({@link JitQuiet}) and the hit
 * rate of the memory its reads are served from has levelled off ({@link SteadyHitRate}): Hybrid's row cache, Server's
 * and Embedded's block cache. An operation count ended it before, which at full scale ran into the 20 s cap on every
 * wire target, with the JIT still busy and the Hybrid cache still filling, and the 1 s window that followed let one
 * slow second decide a round; so the measured window is longer too. A system without such counters waits for the JIT
 * alone. The measured window counts only if the JIT compiled for at most 5% of it, else it is measured again
 * ({@link Measurement.QuietWindow}, at most {@link #WINDOW_RETRIES} more).
 * <p>The hit rate's windows: a tenth of the rows (at least {@link #MIN_WINDOW_OPS}), the last at most half a point above
 * the one before. Tried in session 11 and left: twentieths, two in a row within a quarter point (the same climb per
 * read). A window of 50,000 reads at ~40-75% measures its rate to about +-0.2 point, so a level cache failed a pair
 * by noise alone about one time in five: Server's block cache, level from its first window (39.3, 39.3, 39.6, 39.3%),
 * was still not judged level after 200,000 reads, where tenths end. Each closed window is logged with the JIT's state.
 */
final class ZipfWarmup {
    /** What {@link Measurement}'s log says ended a warm-up by this rule. */
    static final String LABEL = "jit quiet and hit rate steady";
    /** No operation count ends this warm-up. */
    static final long MIN_WINDOW_OPS = 20_000;
    /** Measured windows thrown away at most because the JIT compiled in them. */
    static final int WINDOW_RETRIES = 2;

    private final JitQuiet jit;
    private final SteadyHitRate hits;
    private final Target.Instance instance;
    private boolean noCounters;
    /** Where each closed window's hit rate goes (the run's log), or null. */
    private java.util.function.Consumer<String> log;

    ZipfWarmup(JitQuiet jit, SteadyHitRate hits, Target.Instance instance) {
        this.jit = jit;
        this.hits = hits;
        this.instance = instance;
    }

    /** For this JVM's JIT and the instance's memory counters. */
    static ZipfWarmup of(Target.Instance instance, Scale scale, Pacing pacing) {
        return new ZipfWarmup(JitQuiet.ofThisJvm(pacing.quietOps(), System.nanoTime()), hitRate(scale.rows()),
                instance);
    }

    /** The hit-rate rule for a table of {@code rows} (see the class comment). */
    static SteadyHitRate hitRate(long rows) {
        return new SteadyHitRate(Math.max(MIN_WINDOW_OPS, rows / 10), SteadyHitRate.TOLERANCE, 1);
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
    static String describe(Pacing p, long rows) {
        SteadyHitRate rule = hitRate(rows);
        return String.format(java.util.Locale.ROOT, "warm-up until %s and both the JIT quiet (compiling at most 5%% "
                + "of the time over %,d ops) and the hit rate of the memory the reads are served from (Hybrid's row "
                + "cache, the block cache elsewhere) level (windows of %,d ops, %s within %.2f point of the one "
                + "before), then measured until both %s and %,d ops, in a window in which the JIT compiled at most 5%% "
                + "of the time (else measured again, at most %d more windows)",
                seconds(p.warmupMillis()), p.quietOps(), rule.windowOps(),
                rule.levelPairs() == 1 ? "the last" : rule.levelPairs() + " in a row", 100 * rule.tolerance(),
                seconds(p.measureMillis()), p.measureOps(), WINDOW_RETRIES);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Logs each closed window's hit rate and the JIT's state to {@code log}. */
    ZipfWarmup logTo(java.util.function.Consumer<String> log) {
        this.log = log;
        return this;
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
                double before = hits.lastRate();
                hits.offer(ops, counters[0], counters[1]);
                if (log != null && !Double.isNaN(hits.lastRate()) && hits.lastRate() != before) {
                    log.accept(String.format(java.util.Locale.ROOT, "zipf warm-up at %,d ops: hit rate %.2f%% over "
                            + "the last window%s; JIT %s", ops, 100 * hits.lastRate(), hits.steady() ? " (level)" : "",
                            quietJit ? "quiet" : "not quiet"));
                }
            }
        }
        return quietJit && (noCounters || hits.steady());
    }
}
