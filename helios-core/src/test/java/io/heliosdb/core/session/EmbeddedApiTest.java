package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.sql.SqlEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedded API end to end, through the real SQL pipeline, on both storage engines. */
class EmbeddedApiTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireSqlPipeline() {
        boolean available;
        try {
            SqlEngine.parse("select 1");
            available = true;
        } catch (UnsupportedOperationException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "helios-sql's parser is not installed yet");
    }

    private HeliosConfig config(String engine) {
        return engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
    }

    private HeliosDB open(String engine) {
        return HeliosDB.open(config(engine));
    }

    private static List<Object> column(QueryResult result, int index) {
        return result.toList().stream().map(r -> r.get(index)).toList();
    }

    private static SqlState stateOf(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e.sqlState();
        }
        throw new AssertionError("expected an error");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void crud_createInsertSelectUpdateDelete(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            assertThat(db.mode()).isEqualTo(engine.equals("memory") ? DeploymentMode.MEMORY_ONLY
                    : DeploymentMode.EMBEDDED);
            assertThat(s.execute("create table t (id integer primary key, name text not null, score double "
                    + "precision, born date)").commandTag()).isEqualTo("CREATE TABLE");
            QueryResult insert = s.execute("insert into t values (2, 'bob', 1.5, '2001-02-03'), "
                    + "(1, 'alice', null, null), (3, 'carol', 3.25, '1999-12-31')");
            assertThat(insert.commandTag()).isEqualTo("INSERT 0 3");
            assertThat(insert.rowCount()).isEqualTo(3);

            QueryResult select = s.execute("select id, name, born from t order by id");
            assertThat(select.columns()).extracting(c -> c.name()).containsExactly("id", "name", "born");
            List<Row> rows = select.toList();
            assertThat(rows).extracting(r -> r.get(1)).containsExactly("alice", "bob", "carol");
            assertThat(rows.get(1).get(2)).isEqualTo(LocalDate.of(2001, 2, 3));
            assertThat(select.commandTag()).isEqualTo("SELECT 3");

            assertThat(s.execute("update t set score = score * 2 where id >= 2").commandTag()).isEqualTo("UPDATE 2");
            assertThat(column(s.execute("select score from t where id = 3"), 0)).containsExactly(6.5);
            assertThat(s.execute("delete from t where name like 'b%'").commandTag()).isEqualTo("DELETE 1");
            assertThat(column(s.execute("select id from t order by id"), 0)).containsExactly(1, 3);
            assertThat(column(s.execute("select count(*) from t"), 0)).containsExactly(2L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void prepared_knowsItsTypesAndRunsWithParameters(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table p (id bigint primary key, name varchar(20))");
            PreparedQuery insert = s.prepare("insert into p (id, name) values ($1, $2)");
            assertThat(insert.parameterTypes()).containsExactly(SqlType.BIGINT, SqlType.VARCHAR);
            for (long i = 1; i <= 5; i++) {
                insert.execute(i, "n" + i);
            }
            PreparedQuery byId = s.prepare("select name from p where id = $1");
            assertThat(byId.parameterTypes()).containsExactly(SqlType.BIGINT);
            assertThat(byId.columns()).extracting(c -> c.name()).containsExactly("name");
            assertThat(column(byId.execute(4L), 0)).containsExactly("n4");
            assertThat(column(byId.execute("2"), 0)).containsExactly("n2");
            assertThat(column(byId.execute(99L), 0)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void errors_carryTheirSqlState(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            assertThat(stateOf(() -> s.execute("select * from missing"))).isEqualTo(SqlState.UNDEFINED_TABLE);
            assertThatThrownBy(() -> s.execute("select 1; selec 2"))
                    .isInstanceOfSatisfying(HeliosException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR);
                        assertThat(e.position()).isEqualTo(11);
                    });
            s.execute("create table u (id int primary key)");
            s.execute("insert into u values (1)");
            assertThatThrownBy(() -> s.execute("insert into u values (1)"))
                    .isInstanceOfSatisfying(HeliosException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
                        assertThat(e.getMessage())
                                .isEqualTo("duplicate key value violates unique constraint \"u_pkey\"");
                        assertThat(e.detail()).isEqualTo("Key (id)=(1) already exists.");
                    });
            assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void transaction_rolledBack_leavesNoTrace(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (id int primary key, v text)");
            s.execute("insert into t values (1, 'kept')");
            s.execute("begin");
            s.execute("insert into t values (2, 'gone')");
            s.execute("update t set v = 'changed' where id = 1");
            assertThat(column(s.execute("select v from t order by id"), 0)).containsExactly("changed", "gone");
            try (Session other = db.session()) {
                assertThat(column(other.execute("select v from t order by id"), 0)).containsExactly("kept");
            }
            assertThat(s.execute("rollback").commandTag()).isEqualTo("ROLLBACK");
            assertThat(column(s.execute("select v from t order by id"), 0)).containsExactly("kept");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void failedTransaction_refusesStatementsUntilItEnds(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table t (id int primary key)");
            s.execute("begin");
            s.execute("insert into t values (1)");
            // A query streams: its error comes while the rows are read, and still fails the block.
            assertThat(stateOf(() -> s.execute("select 1/0").toList())).isEqualTo(SqlState.DIVISION_BY_ZERO);
            assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.FAILED);
            assertThat(stateOf(() -> s.execute("select 1"))).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION);
            assertThat(s.execute("commit").commandTag()).isEqualTo("ROLLBACK");
            assertThat(s.transactionStatus()).isEqualTo(TransactionStatus.IDLE);
            assertThat(column(s.execute("select count(*) from t"), 0)).containsExactly(0L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void rolledBackCreateTable_disappears(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("begin");
            s.execute("create table fleeting (id int)");
            s.execute("insert into fleeting values (1)");
            assertThat(column(s.execute("select id from fleeting"), 0)).containsExactly(1);
            s.execute("rollback");
            assertThat(stateOf(() -> s.execute("select * from fleeting"))).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("create table fleeting (id int)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocksdb"})
    void reopen_keepsTablesAndRows(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            s.execute("create table keep (id int primary key, v text)");
            s.execute("insert into keep values (1, 'one'), (2, 'two')");
            s.execute("create table nokey (v text)");
            s.execute("insert into nokey values ('x'), ('y')");
        }
        try (HeliosDB db = open(engine); Session s = db.session()) {
            assertThat(column(s.execute("select v from keep order by id"), 0)).containsExactly("one", "two");
            s.execute("insert into nokey values ('z')");
            assertThat(column(s.execute("select v from nokey"), 0)).containsExactly("x", "y", "z");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void primaryKeyLookup_readsOneKey(String engine) {
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engine)).findFirst().orElseThrow();
        HeliosConfig config = config(engine);
        CountingStorageEngine counting = new CountingStorageEngine(provider.open(config.storage()));
        try (HeliosDB db = new KernelDatabase(config, DeploymentMode.EMBEDDED, counting, null);
             Session s = db.session()) {
            s.execute("create table k (id int primary key, v text)");
            for (int i = 0; i < 50; i++) {
                s.execute("insert into k values ($1, $2)", i, "v" + i);
            }
            PreparedQuery lookup = s.prepare("select v from k where id = $1");
            counting.resetCounts();
            assertThat(column(lookup.execute(17), 0)).containsExactly("v17");
            assertThat(counting.gets.get()).isEqualTo(1);
            assertThat(counting.scans.get()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void concurrentWriters_areSerialisedWithoutLosingRows(String engine) throws Exception {
        try (HeliosDB db = open(engine)) {
            try (Session s = db.session()) {
                s.execute("create table c (id int primary key, who int)");
            }
            int threads = 4;
            int perThread = 40;
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int who = t;
                    done.add(pool.submit(() -> {
                        start.await();
                        try (Session s = db.session()) {
                            PreparedQuery insert = s.prepare("insert into c values ($1, $2)");
                            for (int i = 0; i < perThread; i++) {
                                insert.execute(who * 1000 + i, who);
                            }
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (var f : done) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            try (Session s = db.session()) {
                assertThat(column(s.execute("select count(*) from c"), 0)).containsExactly((long) threads * perThread);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void ddlInExplicitTransaction_isVisibleToOthersOnlyAfterCommit(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session(); Session other = db.session()) {
            s.execute("begin");
            s.execute("create table later (id int primary key, v text)");
            s.execute("insert into later values (1, 'x')");
            assertThat(column(s.execute("select v from later"), 0)).containsExactly("x");
            assertThat(stateOf(() -> other.execute("select * from later"))).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("commit");
            assertThat(column(other.execute("select v from later"), 0)).containsExactly("x");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory"})
    void executeScript_runsEachStatementInTurn(String engine) {
        try (HeliosDB db = open(engine); Session s = db.session()) {
            var results = s.executeScript("create table z (id int); insert into z values (1), (2); "
                    + "select count(*) from z;");
            assertThat(results.next().commandTag()).isEqualTo("CREATE TABLE");
            assertThat(results.next().commandTag()).isEqualTo("INSERT 0 2");
            assertThat(column(results.next(), 0)).containsExactly(2L);
            assertThat(results.hasNext()).isFalse();
        }
    }
}
