package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkLoadTest {
    private static final Scale SCALE = Scale.quick().withRows(2_345);

    /** Loads the data set on one system and reads back what every system must hold. */
    private static void loadsTheSameRows(String targetId, Path dir) throws Exception {
        Target target = TargetCatalog.byId(targetId, 0);
        java.nio.file.Files.createDirectories(dir);
        try (Target.Instance instance = target.open(dir); DbClient c = instance.connect()) {
            Workload.POINT_SELECT.setUp(c, SCALE);
            assertThat(c.query("SELECT id FROM items")).as(targetId).isEqualTo(2_345);
            assertThat(c.query("SELECT id FROM customers")).as(targetId).isEqualTo(234);
            // The same values everywhere: one row per expected (id, grp, amount, note), checked by filter.
            assertThat(c.query("SELECT id FROM items WHERE id = 1999 AND grp = 99 AND amount = 3 * (1999 % 997)"
                    + " AND note = 'note-1999'")).as(targetId).isEqualTo(1);
            assertThat(c.query("SELECT id FROM customers WHERE id = 233 AND name = 'customer-233'")).as(targetId)
                    .isEqualTo(1);
            assertThat(c.query("SELECT grp FROM items GROUP BY grp")).as(targetId).isEqualTo(100);
            assertThat(c.query("SELECT id FROM items WHERE id < 0 OR id > 2344")).as(targetId).isZero();
        }
    }

    @Test
    void dataSet_isTheSameOnEveryDialect(@TempDir Path dir) throws Exception {
        for (String target : new String[] {"helios-mem", "h2-mem", "sqlite-mem", "duckdb-mem"}) {
            loadsTheSameRows(target, dir.resolve(target));
        }
    }

    @Test
    void dataSet_loadsOnFileSystemsToo(@TempDir Path dir) throws Exception {
        loadsTheSameRows("sqlite-file", dir.resolve("sqlite"));
        loadsTheSameRows("helios-rocks", dir.resolve("rocks"));
    }

    @Test
    void dialect_followsTheProductName() {
        assertThat(BulkLoad.Dialect.of("H2")).isEqualTo(BulkLoad.Dialect.H2);
        assertThat(BulkLoad.Dialect.of("SQLite")).isEqualTo(BulkLoad.Dialect.SQLITE);
        assertThat(BulkLoad.Dialect.of("PostgreSQL")).isEqualTo(BulkLoad.Dialect.GENERATE_SERIES);
        assertThat(BulkLoad.itemsSql(BulkLoad.Dialect.GENERATE_SERIES, 0, 9))
                .endsWith("FROM generate_series(0, 9) AS g(x)");
    }
}
