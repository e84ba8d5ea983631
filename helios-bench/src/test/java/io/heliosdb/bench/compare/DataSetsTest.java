package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {
    private static String key(String target, Workload w) {
        return DataSets.key(TargetCatalog.byId(target, 5432), w);
    }

    @Test
    void key_sharesRocksDbFilesAndLeavesInMemorySystemsAndWritersOut() {
        assertThat(key("helios-rocks", Workload.POINT_SELECT)).isEqualTo("helios-rocksdb/items");
        assertThat(key("helios-server-rocks", Workload.JOIN)).isEqualTo("helios-rocksdb/items");
        assertThat(key("helios-hybrid-caffeine", Workload.ZIPF_POINT_SELECT)).isEqualTo("helios-rocksdb/items");
        assertThat(key("helios-hybrid-caffeine", Workload.PGBENCH_TPCB_8)).isEqualTo("helios-rocksdb/pgbench");
        assertThat(key("helios-lmdb", Workload.SCAN_AGGREGATE)).isEqualTo("helios-lmdb/items");
        assertThat(key("postgres", Workload.PGBENCH_SELECT_PREPARED_8)).isEqualTo("postgres/pgbench");
        assertThat(key("sqlite-file", Workload.GROUP_BY)).isEqualTo("sqlite-file/items");
        assertThat(key("helios-mem", Workload.POINT_SELECT)).isNull();
        assertThat(key("sqlite-mem", Workload.POINT_SELECT)).isNull();
        assertThat(key("helios-server-mem", Workload.POINT_SELECT)).isNull();
        assertThat(key("helios-rocks", Workload.INSERT_AUTOCOMMIT)).isNull();
        assertThat(key("postgres", Workload.DURABLE_16)).isNull();
    }

    @Test
    void postgres_buildsATemplateDatabaseNamedAfterTheKey(@TempDir Path root) throws Exception {
        DataSets sets = new DataSets(root);
        Path dir = sets.prepare("postgres/items", TargetCatalog.byId("postgres", 5432));
        assertThat(Files.readString(dir.resolve(PostgresTarget.KEEP_FILE))).isEqualTo("tmpl_postgres_items");
        assertThat(sets.copyOf("postgres/items")).isNull();
        sets.record("postgres/items", dir, true);
        assertThat(sets.copyOf("postgres/items")).isEqualTo(dir);
        sets.record("h2-file/items", root.resolve("x"), false);
        assertThat(sets.tried("h2-file/items")).isTrue();
        assertThat(sets.copyOf("h2-file/items")).isNull();
    }

    /** A run's copy opens the rows the build wrote, and writing to it leaves the built copy as it was. */
    @Test
    void copy_opensTheBuiltRowsAndLeavesTheOriginalUntouched(@TempDir Path root) throws Exception {
        Scale scale = Scale.quick().withRows(1_000);
        Target sqlite = TargetCatalog.byId("sqlite-file", 0);
        Path built = root.resolve("built");
        assertThat(RunOne.build(sqlite, Workload.POINT_SELECT, scale, built).status()).isEqualTo("ok");
        Path run = root.resolve("run");
        DataSets.copy(built, run);
        try (Target.Instance i = sqlite.open(run); DbClient c = i.connect()) {
            assertThat(c.query("SELECT id FROM items")).isEqualTo(1_000);
            c.execute("DELETE FROM items");
        }
        try (Target.Instance i = sqlite.open(built); DbClient c = i.connect()) {
            assertThat(c.query("SELECT id FROM items")).isEqualTo(1_000);
        }
    }
}
