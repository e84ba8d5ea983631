package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memory-only scans of an unchanged table read the engine's flat runs: through SQL the answers must stay those
 * of the snapshot, with the transaction's own writes, after other sessions' commits, and for older snapshots.
 */
class FlatScanRunsTest {
    private static final String SUM = "SELECT count(*), sum(amount) FROM items";

    private static List<Object> row(Session s, String sql) {
        try (QueryResult r = s.execute(sql)) {
            assertThat(r.next()).isTrue();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                out.add(r.row().get(i));
            }
            return out;
        }
    }

    private static long flatScans(Session s) {
        return Long.parseLong(String.valueOf(
                row(s, "SELECT value FROM helios_stats WHERE name = 'storage_memory_scans_flat'").get(0)));
    }

    /** The engine's runs, not the kernel's column copies (which would answer the repeated scans first). */
    private static HeliosDB withoutColumnCopies() {
        System.setProperty(io.heliosdb.core.txn.TransactionalStore.COLUMN_COPIES_PROPERTY, "false");
        try {
            return HeliosDB.inMemory();
        } finally {
            System.clearProperty(io.heliosdb.core.txn.TransactionalStore.COLUMN_COPIES_PROPERTY);
        }
    }

    @Test
    void repeatedScans_readRuns_andStillSeeTheirSnapshot() {
        try (HeliosDB db = withoutColumnCopies(); Session a = db.session(); Session b = db.session()) {
            a.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, amount BIGINT NOT NULL)").close();
            a.execute("INSERT INTO items SELECT g, g % 10 FROM generate_series(1, 40000) g").close();
            List<Object> first = row(a, SUM);
            assertThat(first).containsExactly(40000L, java.math.BigDecimal.valueOf(180000));
            row(a, SUM);
            long before = flatScans(a);
            assertThat(row(a, SUM)).isEqualTo(first);
            assertThat(flatScans(a)).as("the third scan reads a run").isGreaterThan(before);

            b.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            assertThat(row(b, SUM)).isEqualTo(first);
            a.execute("UPDATE items SET amount = amount + 100 WHERE id = 5").close();
            List<Object> updated = List.of(40000L, java.math.BigDecimal.valueOf(180100));
            for (int i = 0; i < 3; i++) {
                assertThat(row(a, SUM)).isEqualTo(updated);
                assertThat(row(b, SUM)).as("the older snapshot").isEqualTo(first);
            }
            b.execute("COMMIT").close();
            assertThat(row(b, SUM)).isEqualTo(updated);

            a.execute("BEGIN").close();
            a.execute("DELETE FROM items WHERE id <= 1000").close();
            a.execute("INSERT INTO items VALUES (50000, 7)").close();
            List<Object> own = List.of(39001L, java.math.BigDecimal.valueOf(180100 - 4600 + 7));
            for (int i = 0; i < 3; i++) {
                assertThat(row(a, SUM)).as("own writes").isEqualTo(own);
                assertThat(row(b, SUM)).isEqualTo(updated);
            }
            a.execute("ROLLBACK").close();
            assertThat(row(a, SUM)).isEqualTo(updated);
        }
    }
}
