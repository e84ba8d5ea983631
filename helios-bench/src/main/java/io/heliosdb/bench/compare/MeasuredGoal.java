package io.heliosdb.bench.compare;

import java.util.List;
import java.util.Locale;

/**
 * An issue target that is a measured amount with an upper limit rather than a throughput ratio
 * (start-up time, heap); reported next to {@link Goals}, never asserted.
 *
 * @param text  the target as the issue states it
 * @param value the measured figure (NaN when it was not measured in this run)
 * @param unit  "ms" or "MB"
 * @param limit   the most the target allows (the least, when {@code atLeast})
 * @param how     how the figure was obtained, for the report
 * @param atLeast the figure must reach the limit (a hit rate) rather than stay under it
 */
record MeasuredGoal(String text, double value, String unit, double limit, String how, boolean atLeast) {

    /** A target with an upper limit. */
    MeasuredGoal(String text, double value, String unit, double limit, String how) {
        this(text, value, unit, limit, how, false);
    }

    String verdict() {
        return Double.isNaN(value) ? "n/a" : (atLeast ? value >= limit : value <= limit) ? "met" : "not met";
    }

    /** The Hybrid cache hit rate (default layer) on the zipfian reads against issue 7's 90%, for the 1M-row data set. */
    static MeasuredGoal hitRate(List<Summary> summaries) {
        return hitRate(summaries, 90, 1_000_000);
    }

    /**
     * The Hybrid cache hit rate (default layer) on the zipfian reads: the median over rounds, after the warm-up, against
     * {@code percent} (issue 7: 90, issue 6: 80), with what "10% of the data" is and what zipf 0.99 allows there
     * ({@link ZipfMemory#goalArithmetic}).
     */
    static MeasuredGoal hitRate(List<Summary> summaries, double percent, int rows) {
        Summary s = Goals.find(summaries, "zipf-point-select", HeliosHybridTarget.DEFAULT_ID);
        double measured = s == null || !s.status().equals("ok") ? Double.NaN : 100 * s.hitRate();
        return new MeasuredGoal(String.format(Locale.ROOT, "Hybrid cache hit rate >= %.0f%% with a cache of 10%% of "
                + "the data (%s)", percent, ZipfMemory.goalArithmetic(rows, percent)), measured, "%", percent,
                HeliosHybridTarget.DEFAULT_ID + " on zipf-point-select, helios_cache_stats hits and misses over the measured "
                        + "period after the warm-up (the run's log also gives the rate with the warm-up's misses), "
                        + "median of rounds", true);
    }

    String shown() {
        return Double.isNaN(value) ? "–" : MarkdownReport.num(value) + " " + unit;
    }

    /**
     * The median of the helios-launcher start-up figures (first accepted connection) over the run's workloads (each a
     * median of rounds); the first answered query is named in the text, as the goal does not cover it.
     */
    static MeasuredGoal startup(List<Summary> summaries) {
        List<Summary> launcher = summaries.stream()
                .filter(s -> s.target().equals("helios-launcher") && s.status().equals("ok")).toList();
        double[] ms = launcher.stream().mapToDouble(Summary::startupMs).toArray();
        double answered = Summary.median(launcher.stream().mapToDouble(Summary::firstAnswerMs)
                .filter(v -> !Double.isNaN(v)).toArray());
        return new MeasuredGoal("start-up to first accepted connection <= 1 s", Summary.median(ms), "ms", 1000,
                "heliosdb-lite start --memory, process start to the first TCP connection it accepts (the server binds "
                        + "its port before the database opens; an early client waits for its answer)"
                        + (Double.isNaN(answered) ? "" : "; first answered pgJDBC SELECT 1 at "
                        + MarkdownReport.num(answered) + " ms") + ", median of " + ms.length + " workload(s) x rounds");
    }

    /** The empty-database heap figure: the median of the fresh JVMs' measurements. */
    static MeasuredGoal emptyHeap(List<Double> mb) {
        return new MeasuredGoal("an empty in-memory database adds <= 50 MB of heap",
                Summary.median(mb.stream().mapToDouble(Double::doubleValue).toArray()), "MB", 50,
                String.format(Locale.ROOT, "heap in use after HeliosDB.open (memory) and SELECT 1 minus before, each "
                        + "after System.gc(), median of %d fresh JVM(s)", mb.size()));
    }
}
