package io.heliosdb.bench.compare;

import java.util.Locale;

/**
 * When a run's warm-up and measurement end. The warm-up ends once its minimum time has passed and
 * either its minimum number of operations (all sessions together) has run or the JIT has compiled
 * nothing during the last {@code quietOps} operations ({@link JitQuiet}); the measurement ends at the
 * later of its minimum time and count. So a fast system runs its path often enough for the JIT to
 * compile it before it is measured, and a slow one (a server behind pgJDBC, which needs far longer for
 * the same count) stops warming up once its path is compiled instead of at the cap. {@code capMillis}
 * bounds each phase so a very slow system ends instead of hitting the run's timeout. The same rule
 * applies to every system of a run: it depends only on the scale and the workload.
 *
 * @param warmupMillis  least time spent warming up
 * @param warmupOps     operations that end the warm-up (after its least time); pgbench: none, see {@link PgbenchWarmup}
 * @param measureMillis least time measured
 * @param measureOps    least operations measured
 * @param capMillis     most time spent in either phase, whatever its minimum count
 * @param quietOps      operations without a JIT compilation that also end the warm-up; 0: the count only
 */
public record Pacing(long warmupMillis, long warmupOps, long measureMillis, long measureOps, long capMillis,
                     long quietOps) {

    /** A rule without the JIT's quiet as a way to end the warm-up. */
    public Pacing(long warmupMillis, long warmupOps, long measureMillis, long measureOps, long capMillis) {
        this(warmupMillis, warmupOps, measureMillis, measureOps, capMillis, 0);
    }

    /**
     * Operations the JIT must stay quiet for: a method run once per operation and not yet compiled by C2
     * reaches its threshold (15,000 invocations) within 20,000.
     */
    static final long QUIET_OPS = 20_000;

    /** The most time the autocommit insert warms up (and is measured): see {@link #of}. */
    static final long INSERT_CAP_MILLIS = 4_000;

    /** A warm-up count never reached: only the warm-up's second way (a steady state) ends it. */
    static final long NO_COUNT = Long.MAX_VALUE;

    /** The report's line for {@code workload}'s rule (the zipfian reads' warm-up has a rule of its own). */
    public String describe(Workload workload, Scale scale) {
        return workload == Workload.ZIPF_POINT_SELECT ? ZipfWarmup.describe(this, scale.rows()) : describe();
    }

    /**
     * The least warm-up once its count has run and the JIT has nothing queued or compiling
     * ({@link JitQuiet#idle}): the quick run's least time. The full run's 1 s least time held 114 of the 276
     * warm-ups of the 2026-11-25 06:38 run (27.8 min) although their count (which is what compiles the path:
     * 500,000 point selects, 3 scans of a million rows) had run sooner, up to 51 s in all; with the queue empty
     * nothing of the path is left to compile, and where the JIT is still busy the warm-up keeps its least time.
     */
    static final long EARLY_MILLIS = 500;

    /** The least warm-up when the count has run and the JIT is idle (at most {@link #warmupMillis}). */
    public long earlyMillis() {
        return Math.min(warmupMillis, EARLY_MILLIS);
    }

    /**
     * The rule for one workload at one scale. OLTP minimums count rows, so a 1,000-row transaction
     * needs 1,000 times fewer operations than a single-row one (the per-row path runs as often).
     * The single-row autocommit insert is durable on the durable systems, so it takes the durable
     * counts (20,000 synced commits would be 8 s of warm-up at a disk's 2,500 syncs/s). The times are
     * short because three rounds' medians are what the report compares, and a run's own
     * warm-up/measured counts and what ended its warm-up are in its log; the caps bound a slow system.
     * The full run measures 1 s (at least its count): 2 s cost ~105 s a round, and a shorter window widens
     * min–max a little (a commit's sync jitter, a GC pause weigh more). The quick run warms up and measures
     * 0.5 s (at least its counts), so its 20 non-pgbench pairs take ~20 s a round instead of ~40: it is the
     * run that must fit in about 3 minutes, and its counts still end a warm-up that the JIT has not finished.
     */
    public static Pacing of(Scale scale, Workload workload) {
        boolean quick = scale.name().equals("quick");
        long cap = quick ? 3_000 : 20_000;
        Workload.Kind kind = workload == Workload.INSERT_AUTOCOMMIT ? Workload.Kind.DURABLE : workload.kind();
        Pacing rows = switch (kind) {
            // A scan of 20k rows takes a few ms, of 1M rows up to a second: a handful of scans compiles its loop.
            // The scan path reaches its steady state after ~30 scans of 20k rows (7-8 ms each before, ~2 ms after).
            // What compiles the loop is the number of rows scanned (~1M), so at 1M rows three scans are enough.
            // The count alone is the rule: a scan's per-row methods run a million times in one or two scans.
            case ANALYTICS -> quick ? new Pacing(500, 50, 500, 5, 8_000)
                    : new Pacing(1_000, Math.max(3, 1_000_000 / Math.max(1, scale.rows())), 1_000, 5, cap);
            // A JVM reaches its steady state only after C2 has compiled the whole path: a prepared point select
            // needed ~180,000 operations (s4 measurement, io.heliosdb.bench.jmh.PointSelectCost); with 5,000 a
            // quick round measured HeliosDB Memory-only anywhere between 35k and 291k ops/s. A server behind
            // pgJDBC runs 15-25k ops/s, so that count took it to the cap: the JIT's quiet ends its warm-up.
            case OLTP -> quick ? new Pacing(500, 200_000, 500, 1_000, 8_000, QUIET_OPS)
                    : new Pacing(1_000, 500_000, 1_000, 5_000, cap, QUIET_OPS);
            // Each commit waits for the disk, but 16 sessions are CPU-bound and an in-memory system's commit is
            // all CPU: with 200 warm-up commits the JVM systems were measured interpreted (Memory-only 6k
            // autocommit inserts/s in a fresh JVM against ~100k/s warmed). 5,000 commits take ~2 s at 2,500 syncs/s.
            case DURABLE -> quick ? new Pacing(500, 5_000, 500, 200, 4_000, 2_500)
                    : new Pacing(1_000, 10_000, 1_000, 500, cap, 5_000);
            // pgbench keeps its own clock (-T, whole seconds): the warm-up is one run of at most the cap, stopped
            // once the JIT of the JVM hosting the server has been quiet during the last 20,000 statements
            // (PgbenchWarmup); no count, since a count ended the quick run's warm-up with the server half compiled
            // (its select-only rate climbs for ~15 s of load on 2 cores). The measured run is time only. On the quiet
            // 2026-11-25 03:15 full run the servers' select-only warm-ups reached JitQuiet's steady state after
            // 4-12 s and tpcb-like after 10-17 s (bench/warmup-replay). The quick run measures 1 s and caps its
            // warm-up at 10 s, so a JIT that never goes quiet (a loaded machine) costs it 9 s a pair, not 19.
            case PGBENCH -> quick ? new Pacing(1_000, 0, 1_000, 0, 10_000, QUIET_OPS)
                    : new Pacing(2_000, 0, 3_000, 0, 20_000, QUIET_OPS);
        };
        if (workload.kind() == Workload.Kind.PGBENCH) {
            return rows;
        }
        // A single-row autocommit insert into memory is all CPU (100-300k/s): the durable count, 10,000 commits, ran
        // in 0.1 s, and the count's 1 s (0.5 s with the JIT idle) measured the JVM systems half compiled (HeliosDB
        // Memory-only 47-79k/s in five such runs against 155-200k/s after 4 s; CommitCost: 24 us of CPU a commit
        // after 20,000, 7 us after 200,000). Its count is the OLTP one in commits (200,000 quick, 500,000 full), a
        // durable system ends on the JIT's quiet over the durable rule's commits (JitQuiet.compileOnly: no level
        // rate, since a synced commit's rate jitters), and 4 s cap the warm-up for both (a loaded disk, a JIT that
        // keeps compiling): 40,000 synced commits or more at a disk's 2,500 a second.
        if (workload == Workload.INSERT_AUTOCOMMIT) {
            return new Pacing(rows.warmupMillis, quick ? 200_000 : 500_000, rows.measureMillis, rows.measureOps,
                    INSERT_CAP_MILLIS, rows.quietOps);
        }
        // The zipfian reads are also judged on caches (Hybrid's row cache, the block cache), which fill with
        // the hot keys as it runs: its warm-up ends on their steady hit rate and the JIT's quiet, not on a count.
        if (workload == Workload.ZIPF_POINT_SELECT) {
            return ZipfWarmup.pacing(scale, rows);
        }
        int perOp = Math.max(1, workload.rowsPerOperation());
        long quiet = rows.quietOps == 0 ? 0 : Math.max(1, rows.quietOps / perOp);
        long warmupOps = Math.max(1, rows.warmupOps / perOp);
        return new Pacing(rows.warmupMillis, warmupOps, rows.measureMillis, Math.max(1, rows.measureOps / perOp),
                rows.capMillis, quiet >= warmupOps ? 0 : quiet);
    }

    /** One line for the report, e.g. {@code warm-up until both 3 s and 20 ops, then measured until both 2 s and 10 ops}. */
    public String describe() {
        if (measureOps == 0) {
            return String.format(Locale.ROOT, "pgbench -T: one warm-up run of at least %s, stopped once the JIT "
                    + "of the JVM hosting the server has been quiet (compiling at most 5%% of the time) during the "
                    + "last %,d statements and %s (and its queue is empty), then measured %s", seconds(warmupMillis),
                    quietOps, seconds(warmupMillis), seconds(measureMillis));
        }
        String until = quietOps > 0 ? String.format(Locale.ROOT, "%s and either %,d ops or %,d ops with the JIT "
                + "quiet (compiling at most 5%% of the time)", seconds(warmupMillis), warmupOps, quietOps)
                : String.format(Locale.ROOT, "both %s and %,d ops", seconds(warmupMillis), warmupOps);
        if (earlyMillis() < warmupMillis) {
            until += String.format(Locale.ROOT, " (or %s and %,d ops while the JIT has nothing queued)",
                    seconds(earlyMillis()), warmupOps);
        }
        return String.format(Locale.ROOT, "warm-up until %s, then measured until both %s and %,d ops",
                until, seconds(measureMillis), measureOps);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
