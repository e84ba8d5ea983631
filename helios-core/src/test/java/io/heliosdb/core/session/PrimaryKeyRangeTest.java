package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ranges, IN lists and prefixes of a primary key are read as a key range of the table's rows: the answers
 * must be exactly those of reading every row and filtering (the same predicate on {@code key + 0} or
 * {@code key || ''}, which no index serves), whatever the bounds and whatever the snapshot sees.
 */
class PrimaryKeyRangeTest {
    @TempDir
    Path dir;

    private HeliosDB open(String engine) {
        return engine.equals("memory") ? HeliosDB.inMemory() : HeliosDB.open(dir.resolve("db"));
    }

    private static List<String> rows(Session s, String sql) {
        List<String> out = new ArrayList<>();
        try (QueryResult r = s.execute(sql)) {
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 0; i < r.columns().size(); i++) {
                    row.append(i == 0 ? "" : "|").append(r.row().get(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static void run(Session s, String sql) {
        s.execute(sql).close();
    }

    private static String plan(Session s, String sql) {
        return String.join("\n", rows(s, "EXPLAIN " + sql));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void randomRanges_matchFilteredFullScans(String engine) {
        Random random = new Random(42);
        try (HeliosDB db = open(engine); Session s = db.session()) {
            run(s, "CREATE TABLE n (id BIGINT PRIMARY KEY, v INTEGER)");
            run(s, "CREATE TABLE c (a SMALLINT, b TEXT, v INTEGER, PRIMARY KEY (a, b))");
            run(s, "INSERT INTO n SELECT g * 3 - 150, g FROM generate_series(0, 99) g");
            run(s, "INSERT INTO c SELECT (g % 10) - 5, 'k' || (g / 10), g FROM generate_series(0, 99) g");
            // Uncommitted changes of the reading transaction itself are part of every answer.
            run(s, "BEGIN");
            run(s, "DELETE FROM n WHERE v % 7 = 0");
            run(s, "INSERT INTO n VALUES (1000, -1), (-1000, -2), (1, -3)");
            run(s, "UPDATE c SET v = -v WHERE b = 'k3'");
            run(s, "DELETE FROM c WHERE a = 0 AND b = 'k5'");
            assertThat(plan(s, "SELECT * FROM n WHERE id BETWEEN 1 AND 9")).contains("Index Scan using n_pkey on n");
            assertThat(plan(s, "SELECT * FROM c WHERE a = 2 AND b > 'k4'")).contains("Index Scan using c_pkey on c");
            for (int i = 0; i < 100; i++) {
                long x = random.nextInt(400) - 200;
                long y = x + random.nextInt(120) - 20;
                String op = List.of("<", "<=", ">", ">=").get(random.nextInt(4));
                compare(s, "SELECT id, v FROM n WHERE %s " + op + " " + x + " ORDER BY 1", "id", "id + 0");
                compare(s, "SELECT id, v FROM n WHERE %s BETWEEN " + x + " AND " + y + " ORDER BY 1", "id", "id + 0");
                compare(s, "SELECT id, v FROM n WHERE %s > " + x + " AND %1$s < " + y + " ORDER BY 1 DESC LIMIT 4",
                        "id", "id + 0");
                compare(s, "SELECT id FROM n WHERE %s IN (" + x + ", " + y + ", 1, 1000) ORDER BY 1", "id", "id + 0");
                int a = random.nextInt(14) - 7;
                String b = "k" + random.nextInt(11);
                compare(s, "SELECT a, b, v FROM c WHERE %s = " + a + " AND b " + op + " '" + b + "' ORDER BY 1, 2",
                        "a", "a + 0");
                compare(s, "SELECT a, b, v FROM c WHERE %s " + op + " " + a + " ORDER BY 1, 2", "a", "a + 0");
            }
            // Bounds outside smallint's range: every row or none, as comparing the values would give.
            compare(s, "SELECT a, b FROM c WHERE %s > 40000 ORDER BY 1, 2", "a", "a + 0");
            compare(s, "SELECT a, b FROM c WHERE %s < 40000 ORDER BY 1, 2", "a", "a + 0");
            compare(s, "SELECT a, b FROM c WHERE %s >= -40000 AND a < 2.5 ORDER BY 1, 2", "a", "a + 0");
            compare(s, "SELECT id FROM n WHERE %s > NULL ORDER BY 1", "id", "id + 0");
            run(s, "COMMIT");
        }
    }

    private static void compare(Session s, String template, String keyed, String unkeyed) {
        List<String> byKey = rows(s, String.format(template, keyed));
        assertThat(byKey).as(template).isEqualTo(rows(s, String.format(template, unkeyed)));
    }

    @Test
    void keyRange_readsTheStatementSnapshot() {
        try (HeliosDB db = HeliosDB.inMemory(); Session reader = db.session(); Session writer = db.session()) {
            run(writer, "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            run(writer, "INSERT INTO t SELECT g, 'old' FROM generate_series(1, 20) g");
            run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertThat(rows(reader, "SELECT count(*) FROM t WHERE id BETWEEN 5 AND 10")).containsExactly("6");
            run(writer, "BEGIN");
            run(writer, "DELETE FROM t WHERE id = 6");
            run(writer, "INSERT INTO t VALUES (21, 'new'), (0, 'new')");
            // Uncommitted: neither snapshot nor a fresh statement sees it.
            assertThat(rows(reader, "SELECT id FROM t WHERE id >= 5 AND id <= 7 ORDER BY id"))
                    .containsExactly("5", "6", "7");
            run(writer, "COMMIT");
            assertThat(rows(reader, "SELECT id FROM t WHERE id >= 5 AND id <= 7 ORDER BY id"))
                    .containsExactly("5", "6", "7");
            assertThat(rows(reader, "SELECT id FROM t WHERE id > 19 OR id < 1 ORDER BY id")).containsExactly("20");
            assertThat(rows(reader, "SELECT count(*) FROM t WHERE id > 19")).containsExactly("1");
            run(reader, "COMMIT");
            assertThat(rows(reader, "SELECT id FROM t WHERE id >= 5 AND id <= 7 ORDER BY id")).containsExactly("5", "7");
            assertThat(rows(reader, "SELECT id FROM t WHERE id > 19 ORDER BY id")).containsExactly("20", "21");
        }
    }

    /**
     * The join becomes an index join before the planner reaches the WHERE above it; the WHERE's filter on
     * the outer table must still move below the join (it once stayed on top: every row of items was
     * joined, then filtered).
     */
    @Test
    void whereOverAnIndexJoin_filtersTheOuterTableFirst() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            run(s, "CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER, amount BIGINT)");
            run(s, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            run(s, "INSERT INTO items SELECT g, g % 10, g * 2 FROM generate_series(0, 999) g");
            run(s, "INSERT INTO customers SELECT g, 'c' || g FROM generate_series(0, 9) g");
            String join = "SELECT o.id, o.amount, c.name FROM items o JOIN customers c ON c.id = o.grp WHERE %s"
                    + " BETWEEN 500 AND 504 ORDER BY 1";
            String plan = plan(s, String.format(join, "o.id"));
            assertThat(plan.lines().map(String::strip).toList()).containsSubsequence("->  Nested Loop",
                    "->  Index Scan using items_pkey on items", "Index Cond: ((o.id >= 500) AND (o.id <= 504))",
                    "->  Index Scan using customers_pkey on customers");
            assertThat(plan).doesNotContain("Filter").doesNotContain("Seq Scan");
            assertThat(rows(s, String.format(join, "o.id"))).containsExactly("500|1000|c0", "501|1002|c1",
                    "502|1004|c2", "503|1006|c3", "504|1008|c4").isEqualTo(rows(s, String.format(join, "o.id + 0")));
        }
    }

    @Test
    void keyRange_servesUpdatesDeletesAndRowLocks() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            run(s, "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER)");
            run(s, "INSERT INTO t SELECT g, 0 FROM generate_series(1, 50) g");
            assertThat(plan(s, "UPDATE t SET v = 1 WHERE id BETWEEN 10 AND 14")).contains("t_pkey");
            run(s, "UPDATE t SET v = 1 WHERE id BETWEEN 10 AND 14");
            run(s, "DELETE FROM t WHERE id > 45");
            assertThat(rows(s, "SELECT id FROM t WHERE id >= 9 AND id < 16 FOR UPDATE")).hasSize(7);
            assertThat(rows(s, "SELECT sum(v), count(*), max(id) FROM t")).containsExactly("5|45|45");
            // ORDER BY the key with a LIMIT reads the key's first (or last) rows instead of sorting them all.
            assertThat(plan(s, "SELECT id FROM t ORDER BY id DESC LIMIT 3"))
                    .contains("Index Scan Backward using t_pkey on t").doesNotContain("Sort");
            assertThat(rows(s, "SELECT id FROM t ORDER BY id DESC LIMIT 3")).containsExactly("45", "44", "43");
            assertThat(rows(s, "SELECT id FROM t WHERE v = 1 ORDER BY id LIMIT 2 OFFSET 1")).containsExactly("11", "12");
        }
    }
}
