package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Aggregates whose table scan the kernel splits over worker threads (the engines that claim parallel scans,
 * tables past the split threshold): every answer must be the one thread's and the row path's, whatever the
 * snapshot sees, with the transaction's own writes, other sessions' commits after the snapshot and their
 * uncommitted writes.
 */
class ParallelScanTest {
    @TempDir
    Path dir;

    private static final int ROWS = 80_000;
    private static final String BATCHED = "SELECT count(*), count(grp), sum(amount), avg(amount), min(amount), max(amount),"
            + " sum(grp) FROM items";
    /** The same answers through the row path (an expression argument is not batched). */
    private static final String ROW_PATH = "SELECT count(*), count(grp), sum(amount + 0), avg(amount + 0),"
            + " min(amount + 0), max(amount + 0), sum(grp + 0) FROM items";
    private static final String GROUPED = "SELECT grp, count(*), sum(amount), min(id) FROM items GROUP BY grp";
    private static final String FILTERED = "SELECT count(*), sum(amount) FROM items WHERE amount > 100 AND id < 140000";
    private static final String FILTERED_ROWS = "SELECT count(*), sum(amount + 0) FROM items WHERE amount + 0 > 100"
            + " AND id + 0 < 140000";

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

    private static void load(Session s) {
        run(s, "CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER, amount BIGINT NOT NULL, note TEXT)");
        for (int from = 1; from <= ROWS; from += 40_000) {
            run(s, "INSERT INTO items SELECT g, CASE WHEN g % 1000 = 0 THEN NULL ELSE g % 97 END,"
                    + " (g % 997) * 3 - 1000, 'note-' || g FROM generate_series(" + from + ", " + (from + 39_999) + ") g");
        }
    }

    /** A database on {@code engine}: memory, or rocksdb in this test's directory. */
    private HeliosDB open(String engine) {
        if (engine.equals("memory")) {
            return HeliosDB.inMemory();
        }
        Path data = dir.resolve(engine);
        return HeliosDB.open(HeliosConfig.persistent(data)
                .withStorage(StorageConfig.defaults().withPath(data).withEngine(engine).withCacheSizeBytes(8L << 20)));
    }

    private static long storageScans(Session s) {
        return Long.parseLong(String.valueOf(rows(s, "SELECT value FROM helios_stats WHERE name = 'storage_memory_scans'")
                .get(0).get(0)));
    }

    /** Every form of the query agrees: split over workers, one thread, the row path. */
    private static void assertAgree(Session s) {
        List<List<Object>> parallel = rows(s, BATCHED);
        assertThat(parallel).isEqualTo(rows(s, ROW_PATH));
        assertThat(rows(s, FILTERED)).isEqualTo(rows(s, FILTERED_ROWS));
        List<List<Object>> grouped = rows(s, GROUPED);
        run(s, "SET max_parallel_workers_per_gather = 0");
        try {
            assertThat(rows(s, BATCHED)).isEqualTo(parallel);
            assertThat(rows(s, GROUPED)).containsExactlyElementsOf(grouped);   // first-seen group order too
        } finally {
            run(s, "RESET max_parallel_workers_per_gather");
        }
    }

    @Test
    void splitScans_answerAsOneThreadAndTheRowPath() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "parallel scans need a second core");
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            load(s);
            long before = storageScans(s);
            rows(s, BATCHED);
            long parallelScans = storageScans(s) - before;
            run(s, "SET max_parallel_workers_per_gather = 0");
            before = storageScans(s);
            rows(s, BATCHED);
            long singleScans = storageScans(s) - before;
            run(s, "RESET max_parallel_workers_per_gather");
            // Split: the tail lookup, the parts and the reopened first part are scans of their own.
            assertThat(parallelScans).isGreaterThanOrEqualTo(singleScans + 3);
            assertAgree(s);
            assertThat(rows(s, GROUPED)).hasSize(98);
        }
    }

    @Test
    void rocksDbScans_areSplitToo() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "parallel scans need a second core");
        Set<Thread> before = workers();
        Set<Thread> mine;
        try (HeliosDB db = open("rocksdb"); Session s = db.session()) {
            load(s);
            assertAgree(s);
            mine = workers();
            mine.removeAll(before);
            assertThat(mine).as("the split ran on a worker").isNotEmpty();
            assertThat(rows(s, GROUPED)).hasSize(98);
        }
        assertThat(mine).as("no worker outlives its database").noneMatch(Thread::isAlive);
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void ownWrites_areSeenOnceByEveryPart(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            load(s);
            List<List<Object>> committed = rows(s, BATCHED);
            run(s, "BEGIN");
            run(s, "DELETE FROM items WHERE id % 1000 = 7 OR id > " + (ROWS - 300));
            run(s, "UPDATE items SET amount = amount + 5, grp = NULL WHERE id % 777 = 0");
            run(s, "INSERT INTO items SELECT g, 5, 1000000, 'own' FROM generate_series(" + (ROWS + 1000) + ", "
                    + (ROWS + 1500) + ") g");
            run(s, "INSERT INTO items SELECT -g, 6, -7, 'own' FROM generate_series(1, 300) g");
            assertAgree(s);
            assertThat(rows(s, BATCHED)).isNotEqualTo(committed);
            run(s, "ROLLBACK");
            assertThat(rows(s, BATCHED)).isEqualTo(committed);
            assertAgree(s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void snapshot_hidesLaterCommitsAndUncommittedWrites(String engine) {
        try (HeliosDB db = open(engine); Session reader = db.session(); Session writer = db.session();
             Session pending = db.session()) {
            load(writer);
            run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            List<List<Object>> before = rows(reader, BATCHED);
            run(writer, "UPDATE items SET amount = amount * 2 WHERE id > 100000");
            run(writer, "DELETE FROM items WHERE id % 500 = 3");
            run(writer, "INSERT INTO items SELECT g, 1, 1, 'later' FROM generate_series(" + (ROWS + 1) + ", "
                    + (ROWS + 5000) + ") g");
            run(pending, "BEGIN");
            run(pending, "UPDATE items SET amount = 0 WHERE id < 120000");
            run(pending, "INSERT INTO items SELECT g, 2, 2, 'pending' FROM generate_series(" + (ROWS + 6000) + ", "
                    + (ROWS + 9000) + ") g");
            assertThat(rows(reader, BATCHED)).isEqualTo(before);
            assertAgree(reader);
            run(reader, "COMMIT");
            List<List<Object>> after = rows(reader, BATCHED);
            assertThat(after).isNotEqualTo(before);
            assertAgree(reader);
            run(pending, "ROLLBACK");
            assertThat(rows(reader, BATCHED)).isEqualTo(after);
        }
    }

    @Test
    void workerSetting_isCheckedAsPostgreSqlChecksIt() {
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            assertThat(rows(s, "SHOW max_parallel_workers_per_gather")).containsExactly(List.of("2"));
            for (String bad : List.of("-1", "1025", "'many'")) {
                assertThatThrownBy(() -> run(s, "SET max_parallel_workers_per_gather = " + bad))
                        .isInstanceOfSatisfying(HeliosException.class,
                                e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
            }
            run(s, "SET max_parallel_workers_per_gather = 0");
            assertThat(rows(s, "SHOW max_parallel_workers_per_gather")).containsExactly(List.of("0"));
            run(s, "RESET max_parallel_workers_per_gather");
            assertThat(rows(s, "SHOW max_parallel_workers_per_gather")).containsExactly(List.of("2"));
        }
    }

    /** Checks this database's workers only: another test's database in this JVM may still have idle ones. */
    @Test
    void close_endsEveryWorkerThread() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: no workers");
        Set<Thread> before = workers();
        Set<Thread> mine;
        try (HeliosDB db = HeliosDB.inMemory(); Session s = db.session()) {
            load(s);
            assertThat(rows(s, BATCHED)).hasSize(1);
            mine = workers();
            mine.removeAll(before);
            assertThat(mine).as("the split ran on a worker").isNotEmpty();
        }
        assertThat(mine).as("no worker outlives its database").noneMatch(Thread::isAlive);
    }

    private static Set<Thread> workers() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("helios-parallel-")) {
                out.add(t);
            }
        }
        return out;
    }
}
