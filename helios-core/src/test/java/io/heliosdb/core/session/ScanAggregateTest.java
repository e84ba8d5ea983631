package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scans that decode only the columns a query reads, over engines that hand values out in reused
 * buffers: the answers must be those of reading every column, whatever the snapshot sees.
 */
class ScanAggregateTest {
    @TempDir
    Path dir;

    private HeliosDB open(String engine) {
        return engine.equals("memory") ? HeliosDB.inMemory() : HeliosDB.open(dir.resolve("db"));
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

    private static void run(Session s, String sql) {
        s.execute(sql).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void aggregates_skipUnreadColumnsAndNulls(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            run(s, "CREATE TABLE t (id INTEGER PRIMARY KEY, note TEXT, a INTEGER, b BIGINT, tail TEXT)");
            // Long texts before the read columns make the engines grow their value buffers mid-scan.
            run(s, "INSERT INTO t VALUES (1, repeat('x', 3000), 10, 100, 'p'), (2, NULL, NULL, 200, NULL),"
                    + " (3, 'short', 30, NULL, repeat('y', 500)), (4, repeat('z', 70000), -5, 400, 'q'), (5, '', 7, 0, '')");
            assertThat(rows(s, "SELECT count(*), count(a), sum(a), avg(a), sum(b), min(note), max(tail) FROM t"))
                    .containsExactly(Arrays.asList(5L, 4L, 42L, new BigDecimal("10.5000000000000000"),
                            new BigDecimal("700"), "", "y".repeat(500)));
            assertThat(rows(s, "SELECT a, b FROM t ORDER BY id")).containsExactly(Arrays.asList(10, 100L),
                    Arrays.asList(null, 200L), Arrays.asList(30, null), Arrays.asList(-5, 400L), Arrays.asList(7, 0L));
            assertThat(rows(s, "SELECT length(note), a FROM t WHERE b >= 200 ORDER BY 2"))
                    .containsExactly(Arrays.asList(70000, -5), Arrays.asList(null, null));
            assertThat(rows(s, "SELECT b % 200 AS g, count(*), sum(a) FROM t WHERE tail IS NOT NULL GROUP BY 1 ORDER BY 1"))
                    .containsExactly(Arrays.asList(0L, 2L, 2L), Arrays.asList(100L, 1L, 10L),
                            Arrays.asList(null, 1L, 30L));
            // A correlated subquery reads the scanned row through an outer reference: nothing is pruned.
            assertThat(rows(s, "SELECT id, (SELECT count(*) FROM t u WHERE u.a < t.a) FROM t WHERE id <= 3 ORDER BY id"))
                    .containsExactly(Arrays.asList(1, 2L), Arrays.asList(2, 0L), Arrays.asList(3, 3L));
            assertThat(rows(s, "SELECT * FROM t WHERE b IS NULL")).containsExactly(
                    Arrays.asList(3, "short", 30, null, "y".repeat(500)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void integerSums_areExactPastTheLongRange(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            run(s, "CREATE TABLE big (id INTEGER PRIMARY KEY, v BIGINT, i INTEGER)");
            run(s, "INSERT INTO big VALUES (1, 9223372036854775807, 2147483647), (2, 9223372036854775807, 2147483647),"
                    + " (3, -5, -2147483648)");
            assertThat(rows(s, "SELECT sum(v), avg(v), sum(i), avg(i) FROM big")).containsExactly(Arrays.asList(
                    new BigDecimal("18446744073709551609"), new BigDecimal("6148914691236517203"),
                    2147483646L, new BigDecimal("715827882.00000000")));
            // Back inside the long range after an overflow: still exact.
            run(s, "INSERT INTO big VALUES (4, -9223372036854775807, 0)");
            assertThat(rows(s, "SELECT sum(v), avg(v) FROM big")).containsExactly(Arrays.asList(
                    new BigDecimal("9223372036854775802"), new BigDecimal("2305843009213693951")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void snapshots_seeUpdatedAndDeletedRowsAsOfTheirStart(String engine) {
        try (HeliosDB db = open(engine); Session reader = db.session(); Session writer = db.session()) {
            run(writer, "CREATE TABLE acc (id INTEGER PRIMARY KEY, grp INTEGER, pad TEXT, amount BIGINT)");
            long expectedSum = 0;
            StringBuilder insert = new StringBuilder("INSERT INTO acc VALUES ");
            for (int id = 0; id < 600; id++) {
                insert.append(id == 0 ? "" : ",").append("(").append(id).append(", ").append(id % 3)
                        .append(", repeat('p', ").append(id % 7 * 60).append("), ").append(id).append(")");
                expectedSum += id;
            }
            run(writer, insert.toString());
            String aggregate = "SELECT count(*), sum(amount), avg(amount) FROM acc";
            String grouped = "SELECT grp, count(*), sum(amount) FROM acc GROUP BY grp ORDER BY grp";
            List<List<Object>> before = rows(reader, aggregate);
            List<List<Object>> beforeGroups = rows(reader, grouped);
            assertThat(before).hasSize(1);
            assertThat(before.get(0).subList(0, 2)).containsExactly(600L, BigDecimal.valueOf(expectedSum));
            assertThat((BigDecimal) before.get(0).get(2)).isEqualByComparingTo("299.5");

            run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertThat(rows(reader, aggregate)).isEqualTo(before);
            run(writer, "UPDATE acc SET amount = amount + 1000, pad = repeat('q', 900) WHERE id % 2 = 0");
            run(writer, "DELETE FROM acc WHERE id % 5 = 0");
            run(writer, "INSERT INTO acc VALUES (1000, 0, 'new', 7)");
            // Uncommitted writes of a third session are invisible to everyone else.
            try (Session pending = db.session()) {
                run(pending, "BEGIN");
                run(pending, "UPDATE acc SET amount = -1");
                run(pending, "INSERT INTO acc VALUES (2000, 1, 'pending', 99)");
                assertThat(rows(reader, aggregate)).isEqualTo(before);
                assertThat(rows(reader, grouped)).isEqualTo(beforeGroups);
                List<List<Object>> own = rows(pending, "SELECT count(*), sum(amount) FROM acc");
                run(pending, "ROLLBACK");
                long afterCount = 600 - 120 + 1 + 1;
                assertThat(own).containsExactly(Arrays.asList(afterCount, BigDecimal.valueOf(-afterCount + 1 + 99)));
            }
            run(reader, "COMMIT");

            long sum = 7;
            long count = 1;
            for (int id = 0; id < 600; id++) {
                if (id % 5 != 0) {
                    sum += id % 2 == 0 ? id + 1000 : id;
                    count++;
                }
            }
            assertThat(rows(reader, "SELECT count(*), sum(amount) FROM acc"))
                    .containsExactly(Arrays.asList(count, BigDecimal.valueOf(sum)));
            assertThat(rows(writer, "SELECT count(*), sum(amount) FROM acc WHERE pad LIKE 'q%'"))
                    .containsExactly(Arrays.asList(240L, BigDecimal.valueOf(sumUpdated())));
        }
    }

    /** Batched aggregates (plain integer columns) against the row path's answers (the same over {@code x + 0}). */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void batchedAggregates_answerAsTheRowPath(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            run(s, "CREATE TABLE m (id INTEGER PRIMARY KEY, s SMALLINT, note TEXT, i INTEGER, b BIGINT, g INTEGER)");
            // 5,000 rows: several batches, NULLs in every read column, 300 groups plus a NULL group.
            run(s, "INSERT INTO m SELECT x, CASE WHEN x % 11 = 0 THEN NULL ELSE (x % 600 - 300)::smallint END,"
                    + " CASE WHEN x % 3 = 0 THEN NULL ELSE 'n' || x END, CASE WHEN x % 7 = 0 THEN NULL ELSE x * 40000 END,"
                    + " CASE WHEN x % 13 = 0 THEN NULL ELSE x::bigint * 1000000000000000 END,"
                    + " CASE WHEN x % 17 = 0 THEN NULL ELSE (x * 31) % 300 END FROM generate_series(1, 5000) x");
            String fast = "count(*), count(s), count(note), sum(s), sum(i), sum(b), avg(s), avg(i), avg(b), min(s), max(s),"
                    + " min(i), max(b)";
            // A filter on an expression keeps the row path (a column compared with a constant is batched).
            String rowPath = " FROM m WHERE id + 0 > -1";
            List<List<Object>> ungrouped = rows(s, "SELECT " + fast + " FROM m");
            assertThat(ungrouped).isEqualTo(rows(s, "SELECT " + fast + rowPath));
            assertThat(ungrouped.get(0).subList(0, 3)).containsExactly(5000L, 4546L, 3334L);
            assertThat(ungrouped.get(0).get(9)).isEqualTo((short) -300);
            List<List<Object>> grouped = rows(s, "SELECT g, " + fast + " FROM m GROUP BY g");
            assertThat(grouped).hasSize(301).isEqualTo(rows(s, "SELECT g, " + fast + rowPath + " GROUP BY g"));
            String bySmallint = "SELECT s, count(*), sum(b), max(i) FROM m%s GROUP BY s ORDER BY s NULLS FIRST LIMIT 3";
            assertThat(rows(s, String.format(bySmallint, ""))).isEqualTo(rows(s, String.format(bySmallint, " WHERE id + 0 > -1")))
                    .extracting(r -> r.get(0)).containsExactly(null, (short) -300, (short) -299);
            String where = " WHERE i < 100000000 AND b >= 5 AND 3 < g AND s <> 7";
            String whereRows = " WHERE i + 0 < 100000000 AND b + 0 >= 5 AND 3 < g + 0 AND s + 0 <> 7";
            for (String select : List.of("SELECT " + fast + " FROM m", "SELECT g, " + fast + " FROM m%s GROUP BY g")) {
                String batched = select.contains("%s") ? String.format(select, where) : select + where;
                String byRows = select.contains("%s") ? String.format(select, whereRows) : select + whereRows;
                assertThat(rows(s, batched)).isNotEmpty().isEqualTo(rows(s, byRows));
            }
            assertThat(rows(s, "SELECT count(*) FROM m WHERE g = 299 AND 2 >= g")).containsExactly(List.of(0L));
            assertThat(rows(s, "SELECT count(*), sum(i) FROM m WHERE i = NULL")).containsExactly(Arrays.asList(0L, null));
            // EXPLAIN ANALYZE counts the scan node's rows: it takes the row path, which has the node.
            assertThat(rows(s, "EXPLAIN ANALYZE SELECT g, count(*), sum(b) FROM m GROUP BY g"))
                    .anySatisfy(r -> assertThat((String) r.get(0)).contains("Seq Scan on m").contains("rows=5000 loops=1"));
            run(s, "DELETE FROM m");
            assertThat(rows(s, "SELECT count(*), sum(i), max(b) FROM m")).containsExactly(Arrays.asList(0L, null, null));
            assertThat(rows(s, "SELECT g, count(*) FROM m GROUP BY g")).isEmpty();
        }
    }

    /** Rows written by a transaction that has not committed, or that committed after the snapshot, are never counted. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void batchedAggregates_countOnlyWhatTheSnapshotSees(String engine) {
        try (HeliosDB db = open(engine); Session reader = db.session(); Session writer = db.session()) {
            run(writer, "CREATE TABLE v (id INTEGER PRIMARY KEY, g INTEGER, amount BIGINT)");
            run(writer, "INSERT INTO v SELECT x, x % 4, x FROM generate_series(1, 3000) x");
            String total = "SELECT count(*), sum(amount), min(amount), max(amount) FROM v";
            String groups = "SELECT g, count(*), sum(amount) FROM v GROUP BY g ORDER BY g";
            List<List<Object>> before = rows(reader, total);
            List<List<Object>> beforeGroups = rows(reader, groups);
            assertThat(before).containsExactly(Arrays.asList(3000L, BigDecimal.valueOf(3000L * 3001 / 2), 1L, 3000L));

            run(writer, "BEGIN");
            run(writer, "DELETE FROM v WHERE id % 10 = 0");
            run(writer, "UPDATE v SET amount = amount * 1000000, g = 9 WHERE id % 10 = 1");
            run(writer, "INSERT INTO v SELECT x, 5, -x FROM generate_series(5001, 7000) x");
            // The writer sees its own writes (merged over the snapshot) ...
            List<List<Object>> own = rows(writer, total);
            assertThat(own.get(0).get(0)).isEqualTo(3000L - 300 + 2000);
            assertThat(own.get(0).get(2)).isEqualTo(-7000L);
            assertThat(rows(writer, groups)).extracting(r -> r.get(0)).containsExactly(0, 1, 2, 3, 5, 9);
            // ... nobody else does, before or after the commit for a snapshot taken before it.
            assertThat(rows(reader, total)).isEqualTo(before);
            assertThat(rows(reader, groups)).isEqualTo(beforeGroups);
            run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertThat(rows(reader, total)).isEqualTo(before);
            run(writer, "COMMIT");
            assertThat(rows(reader, total)).isEqualTo(before);
            assertThat(rows(reader, groups)).isEqualTo(beforeGroups);
            run(reader, "COMMIT");
            assertThat(rows(reader, total)).isEqualTo(own);
            assertThat(rows(reader, "SELECT count(*) FROM v WHERE g = 9")).containsExactly(List.of(300L));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void batchedAggregates_readColumnsAddedLaterAsNull(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            run(s, "CREATE TABLE a (id INTEGER PRIMARY KEY, x INTEGER)");
            run(s, "INSERT INTO a SELECT n, n FROM generate_series(1, 1500) n");
            run(s, "ALTER TABLE a ADD COLUMN y BIGINT");
            run(s, "INSERT INTO a VALUES (2000, 1, 40), (2001, 2, 2)");
            assertThat(rows(s, "SELECT count(*), count(y), sum(y), avg(y), min(y) FROM a"))
                    .containsExactly(Arrays.asList(1502L, 2L, new BigDecimal("42"), new BigDecimal("21.0000000000000000"), 2L));
            assertThat(rows(s, "SELECT y, count(*), sum(x) FROM a GROUP BY y ORDER BY y NULLS FIRST")).containsExactly(
                    Arrays.asList(null, 1500L, 1500L * 1501 / 2), Arrays.asList(2L, 1L, 2L), Arrays.asList(40L, 1L, 1L));
        }
    }

    private static long sumUpdated() {
        long sum = 0;
        for (int id = 0; id < 600; id++) {
            if (id % 2 == 0 && id % 5 != 0) {
                sum += id + 1000;
            }
        }
        return sum;
    }
}
