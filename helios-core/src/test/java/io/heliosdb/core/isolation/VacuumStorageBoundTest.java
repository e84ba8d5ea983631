package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage does not grow without bound under churn: after a workload and a VACUUM with no snapshot
 * open, every versioned keyspace holds exactly what a fresh database holding the same rows holds (the
 * same number of keys and bytes, counted through the storage SPI) and no history is left. And a
 * REPEATABLE READ snapshot taken before the churn reads its rows unchanged (by scan, primary key and
 * index) while vacuum runs over and over: nothing it can see is removed.
 */
class VacuumStorageBoundTest {
    private static final int ROWS = 40;
    private static final int ROUNDS = 20;
    /** The versioned keyspaces, and {@code meta} (the newest commit timestamp and sequence counters). */
    private static final List<String> KEYSPACES = List.of(CatalogKeys.CATALOG, CatalogKeys.ROWS, CatalogKeys.INDEXES,
            "versions", "meta");

    @TempDir
    Path dir;
    private int freshDatabases;

    /** One round of churn on table t (id primary key, v indexed, s unique). */
    enum Workload {
        UPDATE {
            @Override
            void round(Session s, int round) {
                s.execute("update t set n = n + 1");
            }
        },
        DELETE_REINSERT {
            @Override
            void round(Session s, int round) {
                s.execute("begin");
                List<Row> gone;
                try (QueryResult r = s.execute("delete from t where id % 2 = $1 returning id, v, s", round % 2)) {
                    gone = r.toList();
                }
                for (Row row : gone) {
                    s.execute("insert into t values ($1, $2, $3, $4)", row.get(0), row.get(1), round, row.get(2));
                }
                s.execute("commit");
            }
        },
        KEY_CHANGING_UPDATE {
            @Override
            void round(Session s, int round) {
                s.execute("update t set id = id + 1000");
            }
        },
        /** Rows of keys never used again, inserted then deleted: each leaves a deletion marker and history. */
        INSERT_DELETE {
            @Override
            void round(Session s, int round) {
                int from = 1_000_000 + round * 10;   // apart from the keys the other workloads use
                s.execute("insert into t select g, g, $1::int, 'd' || g from generate_series($2::int, $3::int) g",
                        round, from, from + 9);
                s.execute("delete from t where id between $1 and $2 and id % 2 = 0", from, from + 9);
                s.execute("update t set n = n + 1 where id between $1 and $2", from, from + 9);
                s.execute("delete from t where id between $1 and $2", from, from + 9);
            }
        },
        INDEX_CHURN {
            @Override
            void round(Session s, int round) {
                s.execute("update t set v = v + 1");
                s.execute("create index t_n on t (n)");
                s.execute("drop index t_n");
            }
        },
        TABLE_CHURN {
            @Override
            void round(Session s, int round) {
                s.execute("create table tmp (id int primary key, x text)");
                s.execute("create index tmp_x on tmp (x)");
                s.execute("insert into tmp select g, 'x' || g from generate_series(1, 10) g");
                s.execute("truncate tmp");
                s.execute("insert into tmp select g, 'y' || g from generate_series(1, 10) g");
                s.execute("drop table tmp");
            }
        };

        abstract void round(Session s, int round);
    }

    private static void createSchema(Session s) {
        s.execute("create table t (id int primary key, v int not null, n int not null, s text not null)");
        s.execute("create index t_v on t (v)");
        s.execute("create unique index t_s on t (s)");
    }

    private static void load(Session s) {
        for (int i = 0; i < ROWS; i++) {
            s.execute("insert into t values ($1, $2, 0, $3)", i, i, "s" + i);
        }
    }

    /** Keys and key+value bytes per keyspace, counted through the storage SPI. */
    private static Map<String, List<Long>> footprint(StorageEngine engine) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String keyspace : KEYSPACES) {
            long keys = 0;
            long bytes = 0;
            try (KvCursor c = engine.scan(keyspace, null, null, false)) {
                while (c.next()) {
                    keys++;
                    bytes += c.key().length + c.value().length;
                }
            }
            out.put(keyspace, List.of(keys, bytes));
        }
        return out;
    }

    /** What a fresh database holding {@code db}'s rows of t stores, after its own VACUUM. */
    private Map<String, List<Long>> freshFootprint(String engine, KernelDatabase db) throws Exception {
        List<Row> rows;
        try (Session s = db.session(); QueryResult r = s.execute("select id, v, n, s from t order by id")) {
            rows = r.toList();
        }
        try (KernelDatabase fresh = TestDatabases.open(engine, dir.resolve("fresh" + ++freshDatabases)); Session s = fresh.session()) {
            createSchema(s);
            for (Row row : rows) {
                s.execute("insert into t values ($1, $2, $3, $4)", row.get(0), row.get(1), row.get(2), row.get(3));
            }
            s.execute("vacuum");
            return footprint(fresh.store().engine());
        }
    }

    private void assertBoundedByLiveRows(String engine, KernelDatabase db) throws Exception {
        assertThat(db.store().openSnapshots()).isZero();
        try (Session s = db.session()) {
            s.execute("vacuum");
        }
        Map<String, List<Long>> churned = footprint(db.store().engine());
        Map<String, List<Long>> fresh = freshFootprint(engine, db);
        assertThat(churned.get("versions")).containsExactly(0L, 0L);
        for (String keyspace : List.of(CatalogKeys.ROWS, CatalogKeys.INDEXES, "versions")) {
            assertThat(churned.get(keyspace)).as(keyspace).isEqualTo(fresh.get(keyspace));
        }
        // Catalog values carry object ids and DDL stamps, so only their number must match.
        for (String keyspace : List.of(CatalogKeys.CATALOG, "meta")) {
            assertThat(churned.get(keyspace).get(0)).as(keyspace).isEqualTo(fresh.get(keyspace).get(0));
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({"memory,UPDATE", "memory,DELETE_REINSERT", "memory,KEY_CHANGING_UPDATE", "memory,INSERT_DELETE",
        "memory,INDEX_CHURN", "memory,TABLE_CHURN", "rocksdb,UPDATE", "rocksdb,DELETE_REINSERT",
        "rocksdb,KEY_CHANGING_UPDATE", "rocksdb,INSERT_DELETE", "rocksdb,INDEX_CHURN", "rocksdb,TABLE_CHURN"})
    void churnThenVacuum_leavesWhatTheLiveRowsNeed(String engine, Workload workload) throws Exception {
        try (KernelDatabase db = TestDatabases.open(engine, dir.resolve("db"))) {
            try (Session s = db.session()) {
                createSchema(s);
                load(s);
                for (int round = 1; round <= ROUNDS; round++) {
                    workload.round(s, round);
                }
            }
            assertThat(footprint(db.store().engine()).get("versions").get(0)).isPositive();
            assertBoundedByLiveRows(engine, db);
            // A second helping of churn ends at the same footprint: nothing accumulates between vacuums.
            try (Session s = db.session()) {
                for (int round = ROUNDS + 1; round <= 2 * ROUNDS; round++) {
                    workload.round(s, round);
                }
            }
            assertBoundedByLiveRows(engine, db);
        }
    }

    /** Everything the reader's snapshot shows of t: every row, and rows found by primary key and by each index. */
    private static List<String> seenBy(Session reader) {
        List<String> seen = new ArrayList<>();
        try (QueryResult r = reader.execute("select id, v, n, s from t order by id")) {
            r.toList().forEach(row -> seen.add("row " + row.get(0) + "|" + row.get(1) + "|" + row.get(2) + "|"
                    + row.get(3)));
        }
        for (int i = 0; i < ROWS; i += 7) {
            try (QueryResult r = reader.execute("select s from t where id = $1", i)) {
                r.toList().forEach(row -> seen.add("pk " + row.get(0)));
            }
            try (QueryResult r = reader.execute("select id from t where v = $1", i)) {
                r.toList().forEach(row -> seen.add("v " + row.get(0)));
            }
            try (QueryResult r = reader.execute("select id from t where s = $1", "s" + i)) {
                r.toList().forEach(row -> seen.add("s " + row.get(0)));
            }
        }
        return seen;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb", TestDatabases.CACHED})
    void repeatableReadSnapshotTakenBeforeChurn_readsItsRowsWhileVacuumRuns(String engine) throws Exception {
        try (KernelDatabase db = TestDatabases.open(engine, dir.resolve("db"))) {
            try (Session s = db.session()) {
                createSchema(s);
                load(s);
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger passes = new AtomicInteger();
            try (Session reader = db.session(); Session writer = db.session()) {
                reader.execute("begin isolation level repeatable read");
                List<String> before = seenBy(reader);
                assertThat(before).hasSize(ROWS + 3 * ((ROWS + 6) / 7));
                Future<?> vacuum = pool.submit(() -> {
                    while (!done.get()) {
                        db.vacuum();
                        passes.incrementAndGet();
                        Thread.yield();
                    }
                    return null;
                });
                for (int round = 1; round <= ROUNDS; round++) {
                    for (Workload w : Workload.values()) {
                        w.round(writer, round);
                    }
                    assertThat(seenBy(reader)).as("round " + round).isEqualTo(before);
                }
                done.set(true);
                vacuum.get(120, TimeUnit.SECONDS);
                assertThat(passes.get()).isPositive();
                db.vacuum();
                assertThat(seenBy(reader)).isEqualTo(before);
                reader.execute("commit");
            } finally {
                done.set(true);
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
            assertBoundedByLiveRows(engine, db);
        }
    }
}
