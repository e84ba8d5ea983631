package io.heliosdb.bench.compare;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every target the harness knows, in report order. */
public final class TargetCatalog {
    private static final Set<Workload.Kind> NOT_DURABLE = EnumSet.of(Workload.Kind.OLTP, Workload.Kind.ANALYTICS);
    private static final Set<Workload.Kind> ALL = EnumSet.allOf(Workload.Kind.class);

    private TargetCatalog() {
    }

    /** The target ids, in report order (HeliosDB first). */
    public static List<String> ids() {
        return List.copyOf(targets(0).keySet());
    }

    /** @param postgresPort the port of the harness's PostgreSQL, or 0 when it is not running */
    public static Target byId(String id, int postgresPort) {
        Target t = targets(postgresPort).get(id);
        if (t == null) {
            throw new IllegalArgumentException("unknown target: " + id + " (known: " + ids() + ")");
        }
        return t;
    }

    private static Map<String, Target> targets(int postgresPort) {
        Map<String, Target> m = new LinkedHashMap<>();
        add(m, new HeliosEmbeddedTarget("helios-mem", "memory"));
        add(m, new HeliosEmbeddedTarget("helios-rocks", "rocksdb"));
        add(m, new HeliosEmbeddedTarget("helios-lmdb", "lmdb"));
        add(m, new HeliosServerTarget("helios-server-mem", "memory"));
        add(m, new HeliosServerTarget("helios-server-rocks", "rocksdb"));
        add(m, new HeliosHybridTarget("helios-hybrid-caffeine", "caffeine"));
        add(m, new HeliosHybridTarget("helios-hybrid-chronicle", "chronicle"));
        add(m, new HeliosHybridTarget("helios-hybrid-compact", "compact"));
        add(m, new HeliosLauncherTarget("helios-launcher"));
        add(m, new JdbcTarget("h2-mem", "H2 2.x in memory (jdbc:h2:mem:)",
                dir -> "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", List.of(), NOT_DURABLE, "not durable"));
        add(m, new JdbcTarget("h2-file", "H2 2.x on a file (default settings: commits are not synced one by one)",
                dir -> "jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath(), List.of(), ALL, null));
        add(m, new JdbcTarget("sqlite-mem", "SQLite (xerial) :memory:",
                dir -> "jdbc:sqlite::memory:", List.of(), NOT_DURABLE, "not durable"));
        add(m, new JdbcTarget("sqlite-file", "SQLite (xerial) on a file, journal_mode=WAL, synchronous=FULL",
                dir -> "jdbc:sqlite:" + dir.resolve("bench.db").toAbsolutePath(),
                List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=30000"),
                ALL, null));
        add(m, new PostgresTarget(postgresPort));
        add(m, new JdbcTarget("duckdb-mem", "DuckDB in memory (analytics workloads only)",
                dir -> "jdbc:duckdb:", List.of(), EnumSet.of(Workload.Kind.ANALYTICS), "analytics only"));
        return m;
    }

    private static void add(Map<String, Target> m, Target t) {
        m.put(t.id(), t);
    }
}
