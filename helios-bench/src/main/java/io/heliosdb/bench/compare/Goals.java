package io.heliosdb.bench.compare;

import io.heliosdb.api.config.StorageConfig;
import java.util.List;

/**
 * The throughput targets that this harness can check, each as "subject's median ops/s is
 * at least factor × the reference's" within one run. Reported, never asserted.
 */
record Goals(String text, String subjectWorkload, String subjectTarget, String refWorkload, String refTarget,
             double factor) {

    static final List<Goals> ALL = List.of(
            new Goals("point select, Memory-only >= 2x H2 in-memory", "point-select", "helios-mem",
                    "point-select", "h2-mem", 2),
            new Goals("point select, Memory-only >= 3x SQLite :memory:", "point-select", "helios-mem",
                    "point-select", "sqlite-mem", 3),
            new Goals("point select, Embedded (RocksDB) >= 2x H2 file", "point-select", "helios-rocks",
                    "point-select", "h2-file", 2),
            new Goals("point select, Embedded (RocksDB) >= 4x SQLite file", "point-select", "helios-rocks",
                    "point-select", "sqlite-file", 4),
            new Goals("durable autocommit insert, 1 session >= SQLite WAL/FULL", "insert-autocommit",
                    "helios-rocks", "insert-autocommit", "sqlite-file", 1),
            // Against durable-1, the same commit with one session (insert-autocommit is measured apart).
            new Goals("durable commits, 16 sessions >= 5x 1 session (group commit)", "durable-16", "helios-rocks",
                    "durable-1", "helios-rocks", 5),
            new Goals("batched insert >= SQLite", "tx-1000-batch", "helios-rocks", "tx-1000-batch", "sqlite-file", 1),
            // The issue names no mode for the scan: each HeliosDB mode against SQLite in the same mode.
            new Goals("scan aggregate, Memory-only, takes <= half SQLite :memory:'s time", "scan-aggregate",
                    "helios-mem", "scan-aggregate", "sqlite-mem", 2),
            new Goals("scan aggregate, Embedded (RocksDB), takes <= half SQLite file's time", "scan-aggregate",
                    "helios-rocks", "scan-aggregate", "sqlite-file", 2),
            new Goals("scan aggregate, Memory-only, within 3x of DuckDB", "scan-aggregate", "helios-mem",
                    "scan-aggregate", "duckdb-mem", 1.0 / 3),
            new Goals("Hybrid (" + StorageConfig.DEFAULT_CACHE_PROVIDER
                    + ") >= 1.5x Server throughput, zipfian reads, cache a tenth of the data",
                    "zipf-point-select", HeliosHybridTarget.DEFAULT_ID, "zipf-point-select", "helios-server-rocks", 1.5),
            new Goals("pgbench select-only prepared, 8 clients, Server >= 1.2x PostgreSQL",
                    "pgbench-select-prepared-8", "helios-server-rocks", "pgbench-select-prepared-8", "postgres", 1.2),
            new Goals("pgbench select-only prepared, 8 clients, Hybrid >= 1.2x PostgreSQL",
                    "pgbench-select-prepared-8", HeliosHybridTarget.DEFAULT_ID, "pgbench-select-prepared-8", "postgres", 1.2),
            new Goals("pgbench tpcb-like, 8 clients, durable, Server >= 1.5x PostgreSQL", "pgbench-tpcb-8",
                    "helios-server-rocks", "pgbench-tpcb-8", "postgres", 1.5),
            new Goals("pgbench tpcb-like, 8 clients, durable, Hybrid >= 1.5x PostgreSQL", "pgbench-tpcb-8",
                    HeliosHybridTarget.DEFAULT_ID, "pgbench-tpcb-8", "postgres", 1.5),
            new Goals("pgbench select-only simple protocol, 8 clients, Server >= 1x PostgreSQL",
                    "pgbench-select-simple-8", "helios-server-rocks", "pgbench-select-simple-8", "postgres", 1),
            new Goals("pgbench select-only simple protocol, 8 clients, Hybrid >= 1x PostgreSQL",
                    "pgbench-select-simple-8", HeliosHybridTarget.DEFAULT_ID, "pgbench-select-simple-8", "postgres", 1));

    /** "met", "not met", or "n/a" when either side did not run. */
    String verdict(List<Summary> summaries) {
        double r = ratio(summaries);
        return Double.isNaN(r) ? "n/a" : r >= factor ? "met" : "not met";
    }

    double ratio(List<Summary> summaries) {
        Summary subject = find(summaries, subjectWorkload, subjectTarget);
        return subject == null ? Double.NaN : subject.ratioTo(find(summaries, refWorkload, refTarget));
    }

    /** Whether the pair is one side of some goal: the quick run measures exactly these pairs. */
    static boolean answers(String workload, String target) {
        return ALL.stream().anyMatch(g -> g.subjectWorkload.equals(workload) && g.subjectTarget.equals(target)
                || g.refWorkload.equals(workload) && g.refTarget.equals(target));
    }

    static Summary find(List<Summary> summaries, String workload, String target) {
        return summaries.stream().filter(s -> s.workload().equals(workload) && s.target().equals(target))
                .findFirst().orElse(null);
    }
}
