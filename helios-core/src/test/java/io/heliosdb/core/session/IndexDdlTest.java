package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CREATE/DROP INDEX and unique indexes through the embedded API, on both storage engines. */
class IndexDdlTest {
    @TempDir
    Path dir;

    private HeliosDB open(String engine) {
        return HeliosDB.open(engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db")));
    }

    private static List<Object> column(QueryResult result) {
        return result.toList().stream().map(r -> r.get(0)).toList();
    }

    private static HeliosException failure(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void createAndDrop_ifNotExistsAndNamespace(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (a int, b text)");
            assertThat(s.execute("create index t_a on t (a, b desc)").commandTag()).isEqualTo("CREATE INDEX");
            assertThat(failure(() -> s.execute("create index t_a on t (b)")).sqlState())
                    .isEqualTo(SqlState.DUPLICATE_TABLE);
            assertThat(s.execute("create index if not exists t_a on t (b)").commandTag()).isEqualTo("CREATE INDEX");
            assertThat(failure(() -> s.execute("create table t_a (x int)")).sqlState())
                    .isEqualTo(SqlState.DUPLICATE_TABLE);
            assertThat(failure(() -> s.execute("create index t on t (b)")).sqlState())
                    .isEqualTo(SqlState.DUPLICATE_TABLE);
            s.execute("drop index t_a");
            assertThat(failure(() -> s.execute("drop index t_a")).sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT);
            assertThat(s.execute("drop index if exists t_a").commandTag()).isEqualTo("DROP INDEX");
            s.execute("create table t_a (x int)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void uniqueIndex_refusesDuplicatesOnCreateInsertAndUpdate(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (id int primary key, a int, b text)");
            s.execute("insert into t values (1, 1, 'x'), (2, 1, 'x'), (3, null, 'x'), (4, null, 'x')");
            HeliosException onCreate = failure(() -> s.execute("create unique index t_ab on t (a, b)"));
            assertThat(onCreate.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(onCreate.getMessage()).isEqualTo("could not create unique index \"t_ab\"");
            assertThat(onCreate.detail()).isEqualTo("Key (a, b)=(1, x) is duplicated.");
            assertThat(s.execute("select count(*) from t").toList().get(0).get(0)).isEqualTo(4L);

            s.execute("delete from t where id = 2");
            s.execute("create unique index t_ab on t (a, b)");
            HeliosException onInsert = failure(() -> s.execute("insert into t values (5, 1, 'x')"));
            assertThat(onInsert.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(onInsert.getMessage()).isEqualTo("duplicate key value violates unique constraint \"t_ab\"");
            assertThat(onInsert.detail()).isEqualTo("Key (a, b)=(1, x) already exists.");
            s.execute("insert into t values (5, null, 'x'), (6, 1, 'y')");
            HeliosException onUpdate = failure(() -> s.execute("update t set b = 'x' where id = 6"));
            assertThat(onUpdate.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(onUpdate.detail()).isEqualTo("Key (a, b)=(1, x) already exists.");
            // Moving the holder away frees the value, even within one transaction.
            s.execute("begin");
            s.execute("update t set a = 2 where id = 1");
            s.execute("update t set b = 'x' where id = 6");
            s.execute("commit");
            assertThat(column(s.execute("select id from t where a = 1 and b = 'x'"))).containsExactly(6);
            s.execute("delete from t where id = 6");
            s.execute("insert into t values (7, 1, 'x')");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void createIndex_rolledBack_disappears(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("insert into t values (1), (1)");
            s.execute("begin");
            s.execute("create index t_a on t (a)");
            s.execute("rollback");
            s.execute("create index t_a2 on t (a)");
            assertThat(s.execute("create index if not exists t_a on t (a)").commandTag()).isEqualTo("CREATE INDEX");
            s.execute("drop index t_a");
            s.execute("begin");
            s.execute("drop index t_a2");
            s.execute("rollback");
            assertThat(failure(() -> s.execute("create index t_a2 on t (a)")).sqlState())
                    .isEqualTo(SqlState.DUPLICATE_TABLE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void dropTable_dropsItsIndexes(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("create unique index t_a on t (a)");
            s.execute("insert into t values (1)");
            s.execute("drop table t");
            s.execute("create table t (a int)");
            s.execute("insert into t values (1), (1)");
            s.execute("create index t_a on t (a)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb"})
    void indexes_surviveRestart(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("create unique index t_a on t (a)");
            s.execute("insert into t values (1)");
        }
        try (HeliosDB db = open(engine); Session s = db.session()) {
            assertThat(failure(() -> s.execute("insert into t values (1)")).sqlState())
                    .isEqualTo(SqlState.UNIQUE_VIOLATION);
            s.execute("create table u (a int)");
            s.execute("create index u_a on u (a)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void uniqueInsert_concurrent_secondWaitsThenFailsOrProceeds(String engine) throws Exception {
        try (HeliosDB db = open(engine); Session first = db.session(); Session second = db.session()) {
            first.execute("create table t (id int primary key, a int)");
            first.execute("create unique index t_a on t (a)");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                for (String outcome : List.of("commit", "rollback")) {
                    first.execute("delete from t");
                    first.execute("begin");
                    first.execute("insert into t values (1, 7)");
                    CountDownLatch started = new CountDownLatch(1);
                    Future<SqlState> other = pool.submit(() -> {
                        started.countDown();
                        try {
                            second.execute("insert into t values (2, 7)");
                            return null;
                        } catch (HeliosException e) {
                            return e.sqlState();
                        }
                    });
                    started.await();
                    assertThat(other.isDone()).isFalse();
                    first.execute(outcome);
                    SqlState result = other.get(30, TimeUnit.SECONDS);
                    if (outcome.equals("commit")) {
                        assertThat(result).isEqualTo(SqlState.UNIQUE_VIOLATION);
                        assertThat(column(first.execute("select id from t"))).containsExactly(1);
                    } else {
                        assertThat(result).isNull();
                        assertThat(column(first.execute("select id from t"))).containsExactly(2);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void uniqueInsert_manyThreads_exactlyOneWinsPerValue(String engine) throws Exception {
        try (HeliosDB db = open(engine)) {
            try (Session s = db.session()) {
                s.execute("create table t (id int primary key, a int)");
                s.execute("create unique index t_a on t (a)");
            }
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Integer>> done = new java.util.ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> {
                        int won = 0;
                        try (Session s = db.session()) {
                            go.await();
                            for (int v = 0; v < 30; v++) {
                                try {
                                    s.execute("insert into t values (" + (worker * 1000 + v) + ", " + v + ")");
                                    won++;
                                } catch (HeliosException e) {
                                    if (!Set.of(SqlState.UNIQUE_VIOLATION).contains(e.sqlState())) {
                                        throw e;
                                    }
                                }
                            }
                        }
                        return won;
                    }));
                }
                go.countDown();
                int total = 0;
                for (Future<Integer> f : done) {
                    total += f.get(60, TimeUnit.SECONDS);
                }
                assertThat(total).isEqualTo(30);
            } finally {
                pool.shutdownNow();
            }
            try (Session s = db.session()) {
                assertThat(column(s.execute("select count(distinct a) from t"))).containsExactly(30L);
            }
        }
    }
}
