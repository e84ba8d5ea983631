package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memory-only aggregates over an unchanged table read a decoded copy of its integer columns: the answers must
 * stay those of each statement's snapshot, with its transaction's own writes, after other sessions' commits,
 * after column changes, and with nulls; and the copy must actually be read.
 */
class ColumnCopiesTest {
    private static final String SUM = "SELECT count(*), sum(amount), avg(amount) FROM items";

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

    private static List<List<Object>> rows(Session s, String sql) {
        List<List<Object>> out = new ArrayList<>();
        try (QueryResult r = s.execute(sql)) {
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < r.columns().size(); i++) {
                    row.add(r.row().get(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static long stat(Session s, String name) {
        return Long.parseLong(String.valueOf(row(s, "SELECT value FROM helios_stats WHERE name = '" + name + "'")
                .get(0)));
    }

    private static long copiedScans(Session s) {
        return stat(s, "scan_column_copies_read_total");
    }

    @Test
    void repeatedAggregates_readTheCopy_andStillSeeTheirSnapshot() {
        try (HeliosDB db = HeliosDB.inMemory(); Session a = db.session(); Session b = db.session()) {
            a.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, amount BIGINT NOT NULL, note TEXT)").close();
            a.execute("INSERT INTO items SELECT g, g % 10, 'n' || g FROM generate_series(1, 40000) g").close();
            List<Object> first = row(a, SUM);
            assertThat(first.subList(0, 2)).containsExactly(40000L, BigDecimal.valueOf(180000));
            assertThat(row(a, SUM)).isEqualTo(first);
            long before = copiedScans(a);
            assertThat(row(a, SUM)).isEqualTo(first);
            assertThat(copiedScans(a)).as("the third scan reads the copy").isGreaterThan(before);
            assertThat(stat(a, "scan_column_copies_bytes")).isGreaterThanOrEqualTo(8L * 40000);

            b.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            assertThat(row(b, SUM)).isEqualTo(first);
            a.execute("UPDATE items SET amount = amount + 100 WHERE id = 5").close();
            List<Object> updated = row(a, SUM);
            assertThat(updated.subList(0, 2)).containsExactly(40000L, BigDecimal.valueOf(180100));
            for (int i = 0; i < 4; i++) {
                assertThat(row(a, SUM)).isEqualTo(updated);
                assertThat(row(b, SUM)).as("the older snapshot").isEqualTo(first);
            }
            b.execute("COMMIT").close();
            assertThat(row(b, SUM)).isEqualTo(updated);

            a.execute("BEGIN").close();
            a.execute("DELETE FROM items WHERE id <= 1000").close();
            a.execute("INSERT INTO items VALUES (50000, 7, 'x')").close();
            for (int i = 0; i < 3; i++) {
                assertThat(row(a, SUM).subList(0, 2)).as("own writes")
                        .containsExactly(39001L, BigDecimal.valueOf(180100 - 4600 + 7));
                assertThat(row(b, SUM)).isEqualTo(updated);
            }
            a.execute("ROLLBACK").close();
            assertThat(row(a, SUM)).isEqualTo(updated);
        }
    }

    @Test
    void aCommitToAnotherTable_keepsTheCopy_andGroupsAndFiltersMatchTheRowPath() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            s.execute("CREATE TABLE items (id BIGINT PRIMARY KEY, grp SMALLINT, amount INTEGER)").close();
            s.execute("CREATE TABLE other (id INTEGER PRIMARY KEY)").close();
            s.execute("INSERT INTO items SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE g % 5 END,"
                    + " CASE WHEN g % 11 = 0 THEN NULL ELSE g * 3 - 20000 END FROM generate_series(1, 30000) g").close();
            String group = "SELECT grp, count(*), count(amount), sum(amount), min(amount), max(amount), avg(amount)"
                    + " FROM items WHERE amount > -1000 GROUP BY grp ORDER BY grp";
            // The row path's answer: an expression key is not batched.
            String rowPath = group.replace("GROUP BY grp", "GROUP BY grp + 0").replace("SELECT grp,", "SELECT grp + 0,")
                    .replace("ORDER BY grp", "ORDER BY 1");
            List<List<Object>> expected = rows(s, rowPath);
            assertThat(expected).hasSize(6);
            for (int i = 0; i < 3; i++) {
                List<List<Object>> got = rows(s, group);
                assertThat(got).hasSize(6);
                for (int r = 0; r < got.size(); r++) {
                    assertThat(got.get(r).subList(1, 7)).isEqualTo(expected.get(r).subList(1, 7));
                }
            }
            long before = copiedScans(s);
            s.execute("INSERT INTO other VALUES (1)").close();
            rows(s, group);
            assertThat(copiedScans(s)).as("a write to another table leaves the copy").isGreaterThan(before);

            s.execute("ALTER TABLE items ADD COLUMN extra INTEGER").close();
            for (int i = 0; i < 3; i++) {
                assertThat(row(s, "SELECT count(*), count(extra), sum(amount) FROM items"))
                        .containsExactly(30000L, 0L, row(s, "SELECT sum(amount + 0) FROM items").get(0));
            }
        }
    }

    @Test
    void serializableScans_andOwnWrites_doNotReadTheCopy() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session(); Session t = db.session()) {
            s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, amount BIGINT NOT NULL)").close();
            s.execute("INSERT INTO items SELECT g, g FROM generate_series(1, 20000) g").close();
            for (int i = 0; i < 3; i++) {
                row(s, SUM);
            }
            long before = copiedScans(s);
            s.execute("BEGIN ISOLATION LEVEL SERIALIZABLE").close();
            row(s, SUM);
            s.execute("COMMIT").close();
            s.execute("BEGIN").close();
            s.execute("UPDATE items SET amount = 0 WHERE id = 1").close();
            assertThat(row(s, SUM).subList(0, 2)).containsExactly(20000L, BigDecimal.valueOf(200010000L - 1));
            s.execute("ROLLBACK").close();
            assertThat(copiedScans(t)).isEqualTo(before);
        }
    }
}
