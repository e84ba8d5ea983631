package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reads a copy of a data set built once ({@link DataSets}); it must read exactly what a freshly built
 * data set holds, on every file-based system whose files are copied.
 */
class DataSetCopyTest {
    private static final Scale SCALE = Scale.quick().withRows(2_000);

    /**
     * What a run can read of the data set: row counts, and the counts of rows whose every column is what
     * {@link BulkLoad} writes for their key, with keys in range (with a primary key, that pins every row).
     */
    private static List<Long> contents(Target target, Path dir) throws Exception {
        try (Target.Instance i = target.open(dir); DbClient c = i.connect()) {
            boolean h2 = BulkLoad.Dialect.of(c.product()) == BulkLoad.Dialect.H2;
            String grp = h2 ? "MOD(id, 100)" : "id % 100";
            String amount = h2 ? "MOD(id, 997) * 3" : "(id % 997) * 3";
            return List.of(c.query("SELECT id FROM items"),
                    c.query("SELECT id FROM items WHERE id >= 0 AND id < " + SCALE.rows() + " AND grp = " + grp
                            + " AND amount = " + amount + " AND note = 'note-' || id"),
                    c.query("SELECT id FROM customers"),
                    c.query("SELECT id FROM customers WHERE id >= 0 AND id < " + SCALE.joinRows()
                            + " AND name = 'customer-' || id"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite-file", "h2-file", "helios-rocks", "helios-lmdb"})
    void copy_readsWhatAFreshBuildHolds(String targetId, @TempDir Path root) throws Exception {
        Target target = TargetCatalog.byId(targetId, 0);
        Path built = root.resolve("built");
        assertThat(RunOne.build(target, Workload.POINT_SELECT, SCALE, built).status()).isEqualTo("ok");
        Path copy = root.resolve("copy");
        DataSets.copy(built, copy);
        Path fresh = root.resolve("fresh");
        assertThat(RunOne.build(target, Workload.POINT_SELECT, SCALE, fresh).status()).isEqualTo("ok");

        List<Long> expected = List.of(2_000L, 2_000L, 200L, 200L);
        assertThat(contents(target, fresh)).isEqualTo(expected);
        assertThat(contents(target, copy)).isEqualTo(expected);
        // A second copy of the same build (the next round's) reads the same, whatever the first run did to its own.
        Path again = root.resolve("again");
        DataSets.copy(built, again);
        try (Target.Instance i = target.open(copy); DbClient c = i.connect()) {
            c.execute("DELETE FROM items WHERE id < 1000");
        }
        assertThat(contents(target, again)).isEqualTo(expected);
    }
}
