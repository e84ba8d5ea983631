package io.heliosdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system views (helios_stats, helios_cache_stats, pg_stat_activity) and SHOW helios.mode. */
class KernelMonitoringTest {
    @TempDir
    Path dir;

    static KernelDatabase open(HeliosConfig config, DeploymentMode mode, boolean cached) {
        String engineName = config.storage().memoryOnly() ? "memory" : "rocksdb";
        StorageEngine engine = ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(engineName)).findFirst().orElseThrow().open(config.storage());
        CacheLayer cache = null;
        if (cached) {
            cache = HeliosKernel.chooseCache(ServiceLoader.load(CacheLayerProvider.class).stream()
                    .map(ServiceLoader.Provider::get).toList(), "caffeine").open(config.storage());
        }
        return new KernelDatabase(config, mode, engine, cache, cached ? "caffeine" : null);
    }

    private static List<Row> rows(Session s, String sql, Object... params) {
        try (QueryResult r = s.execute(sql, params)) {
            return r.toList();
        }
    }

    private static long rowsRead(Session s) {
        return Long.parseLong(stats(s).get("rows_read_total"));
    }

    private static Map<String, String> stats(Session s) {
        Map<String, String> out = new HashMap<>();
        for (Row r : rows(s, "select name, value from helios_stats")) {
            out.put((String) r.get(0), (String) r.get(1));
        }
        return out;
    }

    @Test
    void showHeliosMode_namesTheComposition() {
        try (KernelDatabase db = open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session s = db.session()) {
            assertThat(rows(s, "show helios.mode").get(0).get(0)).isEqualTo("Memory-only");
            assertThatThrownBy(() -> s.execute("set helios.mode = 'Hybrid'"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE));
            assertThat(rows(s, "show helios.mode").get(0).get(0)).isEqualTo("Memory-only");
        }
    }

    @Test
    void heliosStats_countsQueriesRowsAndMemory() {
        try (KernelDatabase db = open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session s = db.session()) {
            s.execute("create table t (id int primary key, v text)");
            for (int i = 0; i < 10; i++) {
                s.execute("insert into t values ($1, 'x')", i);
            }
            assertThat(rows(s, "select * from t")).hasSize(10);
            Map<String, String> stats = stats(s);
            assertThat(stats).containsEntry("mode", "Memory-only").containsEntry("storage_engine", "memory")
                    .containsEntry("cache_provider", "none").containsEntry("sessions_open", "1");
            assertThat(Long.parseLong(stats.get("rows_written_total"))).isEqualTo(10);
            assertThat(Long.parseLong(stats.get("rows_read_total"))).isGreaterThanOrEqualTo(10);
            assertThat(Long.parseLong(stats.get("queries_total"))).isGreaterThanOrEqualTo(12);
            assertThat(Double.parseDouble(stats.get("query_latency_p99_seconds")))
                    .isGreaterThanOrEqualTo(Double.parseDouble(stats.get("query_latency_p50_seconds"))).isPositive();
            assertThat(Long.parseLong(stats.get("memory_heap_used_bytes"))).isPositive();
            assertThat(stats).containsKeys("memory_direct_bytes", "commits_total", "cache_hit_rate");
            assertThat(rows(s, "select value from helios_stats where name = 'mode'"))
                    .singleElement().satisfies(r -> assertThat(r.get(0)).isEqualTo("Memory-only"));
        }
    }

    @Test
    void rowsRead_countsEveryRowPulledWhetherTheScanEndsOrIsClosedEarly() {
        try (KernelDatabase db = open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session s = db.session()) {
            s.execute("create table t (id int primary key)");
            s.execute("begin");
            for (int i = 1; i <= 2500; i++) {
                s.execute("insert into t values ($1)", i);
            }
            s.execute("commit");
            // Reading the stats reads rows too: learn how many, then count the scan's rows exactly.
            long first = rowsRead(s);
            long before = rowsRead(s);
            long perStatsRead = before - first;
            assertThat(rows(s, "select count(*) from t").get(0).get(0)).isEqualTo(2500L);
            long afterScan = rowsRead(s);
            assertThat(afterScan - before - perStatsRead).isEqualTo(2500);
            try (QueryResult r = s.execute("select id from t")) {
                for (int i = 0; i < 3; i++) {
                    assertThat(r.next()).isTrue();
                }
            }
            long afterClose = rowsRead(s);
            // The streamed read pulled at least the three rows read before it was closed.
            assertThat(afterClose - afterScan).isBetween(3L, 2500L);
        }
    }

    @Test
    void heliosCacheStats_reportsTheCacheLayer() {
        HeliosConfig persistent = HeliosConfig.persistent(dir.resolve("db"));
        HeliosConfig config = persistent.withStorage(persistent.storage().withCacheSizeBytes(16L << 20));
        try (KernelDatabase db = open(config, DeploymentMode.HYBRID, true); Session s = db.session()) {
            s.execute("create table t (id int primary key, v text)");
            for (int i = 0; i < 20; i++) {
                s.execute("insert into t values ($1, 'x')", i);
            }
            for (int i = 0; i < 200; i++) {
                assertThat(rows(s, "select v from t where id = $1", i % 5)).hasSize(1);
            }
            List<Row> cache = rows(s, "select provider, hits, misses, hit_rate, evictions, bytes_used, capacity_bytes "
                    + "from helios_cache_stats");
            assertThat(cache).singleElement().satisfies(r -> {
                assertThat(r.get(0)).isEqualTo("caffeine");
                assertThat(((Number) r.get(1)).longValue()).isGreaterThan(150);
                assertThat(((Number) r.get(3)).doubleValue()).isGreaterThan(0.5);
                assertThat(((Number) r.get(5)).longValue()).isPositive();
                assertThat(((Number) r.get(6)).longValue()).isEqualTo(config.storage().cacheSizeBytes());
            });
            assertThat(stats(s)).containsEntry("mode", "Hybrid").containsEntry("cache_provider", "caffeine");
        }
    }

    @Test
    void heliosCacheStats_withoutCache_isEmpty() {
        try (KernelDatabase db = open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session s = db.session()) {
            assertThat(rows(s, "select * from helios_cache_stats")).isEmpty();
        }
    }

    @Test
    void pgStatActivity_showsEverySession() {
        try (KernelDatabase db = open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session me = db.session(); Session other = db.session()) {
            other.execute("set application_name = 'loader'");
            other.execute("begin");
            List<Row> activity = rows(me, "select pid, usename, application_name, state, query from pg_stat_activity");
            assertThat(activity).hasSize(2);
            assertThat(activity.get(0).get(3)).isEqualTo("active");
            assertThat(activity.get(0).get(4)).isEqualTo(
                    "select pid, usename, application_name, state, query from pg_stat_activity");
            assertThat(activity.get(1).get(2)).isEqualTo("loader");
            assertThat(activity.get(1).get(3)).isEqualTo("idle in transaction");
            assertThat(activity.get(1).get(1)).isEqualTo("postgres");
        }
    }

    @Test
    void writesToViews_areRefused() {
        try (KernelDatabase db = open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session s = db.session()) {
            for (String sql : List.of("insert into helios_stats values ('a', 'b')", "delete from pg_stat_activity",
                    "update helios_stats set value = 'x'", "drop table helios_stats")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.WRONG_OBJECT_TYPE));
            }
            assertThatThrownBy(() -> s.execute("create table helios_cache_stats (x int)"))
                    .isInstanceOfSatisfying(HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE));
            assertThat(rows(s, "select count(*) from helios_stats").get(0).get(0)).isNotEqualTo(0L);
        }
    }

    @Test
    void views_areNotInThePersistedCatalog() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        try (KernelDatabase db = open(config, DeploymentMode.EMBEDDED, false); Session s = db.session()) {
            s.execute("create table t (id int primary key)");
            rows(s, "select * from helios_stats");
            rows(s, "select * from pg_stat_activity");
        }
        try (KernelDatabase db = open(config, DeploymentMode.EMBEDDED, false)) {
            assertThat(db.store().catalog().snapshot().tables()).containsOnlyKeys("t");
        }
    }
}
