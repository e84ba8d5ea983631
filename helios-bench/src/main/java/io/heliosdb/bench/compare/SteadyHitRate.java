package io.heliosdb.bench.compare;

/**
 * Whether a cache filling under a skewed read load has reached its steady state: the hit rate over the last window of
 * operations is no more than {@code tolerance} above the window before it (it stopped climbing), for
 * {@code levelPairs} windows in a row. Windows are consecutive and of at least {@code windowOps} operations; a reading
 * comes with the operations so far and the cache's hits and misses so far. Once steady, always steady.
 */
final class SteadyHitRate {
    /** Half a point of hit rate: a window of 100,000 zipfian reads at ~85% measures its rate to about +-0.1 point. */
    static final double TOLERANCE = 0.005;

    private final long windowOps;
    private final double tolerance;
    private final int levelPairs;
    private long[] windowStart;
    private double previous = Double.NaN;
    private int level;
    private boolean steady;

    SteadyHitRate(long windowOps) {
        this(windowOps, TOLERANCE, 1);
    }

    /**
     * @param tolerance  how much higher than the window before a window's rate may be and still count as level
     * @param levelPairs how many windows in a row must be level with the one before them
     */
    SteadyHitRate(long windowOps, double tolerance, int levelPairs) {
        this.windowOps = Math.max(1, windowOps);
        this.tolerance = tolerance;
        this.levelPairs = Math.max(1, levelPairs);
    }

    double tolerance() {
        return tolerance;
    }

    int levelPairs() {
        return levelPairs;
    }

    /** Operations a reading must be apart from the last window's start to close a window. */
    long windowOps() {
        return windowOps;
    }

    /** The hit rate of the last closed window, NaN before the first. */
    double lastRate() {
        return previous;
    }

    boolean steady() {
        return steady;
    }

    /** Whether a reading at {@code ops} operations would close a window (so a caller can skip reading the counters). */
    boolean due(long ops) {
        return !steady && (windowStart == null || ops - windowStart[0] >= windowOps);
    }

    /** Takes a reading; returns whether the hit rate is steady. */
    boolean offer(long ops, long hits, long misses) {
        if (steady) {
            return true;
        }
        if (windowStart == null) {
            windowStart = new long[] {ops, hits, misses};
            return false;
        }
        if (ops - windowStart[0] < windowOps) {
            return false;
        }
        long h = hits - windowStart[1];
        long lookups = h + misses - windowStart[2];
        windowStart = new long[] {ops, hits, misses};
        // A window without lookups (the reads did not reach this memory) has nothing left to fill.
        double rate = lookups <= 0 ? Double.NaN : (double) h / lookups;
        boolean levelWithPrevious = !Double.isNaN(previous) && rate <= previous + tolerance;
        level = levelWithPrevious ? level + 1 : 0;
        steady = lookups <= 0 || level >= levelPairs;
        previous = rate;
        return steady;
    }
}
