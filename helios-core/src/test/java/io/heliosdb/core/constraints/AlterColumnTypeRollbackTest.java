package io.heliosdb.core.constraints;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER COLUMN ... TYPE inside a transaction block: a rollback (whole or to a savepoint) brings back the old
 * rows, the old type and indexes that answer with the old values, on the memory engine and on RocksDB (whose
 * database is reopened afterwards, so the rolled-back rewrite cannot linger in storage either).
 */
class AlterColumnTypeRollbackTest {
    @TempDir
    Path dir;

    private HeliosConfig config(String engine) {
        return engine.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir.resolve("db"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void rollback_restoresRowsTypeAndIndexes(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, code text unique, n int)");
            s.execute("create index t_n on t (n)");
            s.execute("insert into t values (1, '07', 10), (2, '8', 20), (3, '009', 30)");
            s.execute("begin");
            s.execute("alter table t alter column code type int using code::int, alter column n type bigint using n * 2");
            assertThat(rows(s, "select id, code, n, pg_typeof(code), pg_typeof(n) from t order by id"))
                    .containsExactly("1|7|20|integer|bigint", "2|8|40|integer|bigint", "3|9|60|integer|bigint");
            assertThat(rows(s, "select id from t where n = 40")).containsExactly("2");
            assertThat(rows(s, "select id from t where code = 9")).containsExactly("3");
            s.execute("rollback");
            assertOldTable(s);
        }
        if (!engine.equals("memory")) {
            try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
                assertOldTable(s);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void rollbackToSavepoint_restoresTheTable_andTheBlockGoesOn(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, code text unique, n int)");
            s.execute("create index t_n on t (n)");
            s.execute("insert into t values (1, '07', 10), (2, '8', 20), (3, '009', 30)");
            s.execute("begin");
            s.execute("savepoint a");
            s.execute("alter table t alter column n type text using 'n' || n");
            assertThat(rows(s, "select id from t where n = 'n20'")).containsExactly("2");
            s.execute("rollback to savepoint a");
            s.execute("insert into t values (4, '4', 40)");
            s.execute("commit");
            assertThat(rows(s, "select id, n, pg_typeof(n) from t where n >= 30 order by id"))
                    .containsExactly("3|30|integer", "4|40|integer");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void failedConversion_insideABlock_leavesTheTableAsItWas(String engine) {
        try (HeliosDB db = HeliosDB.open(config(engine)); Session s = db.session()) {
            s.execute("create table t (id int primary key, code text unique, n int)");
            s.execute("create index t_n on t (n)");
            s.execute("insert into t values (1, '07', 10), (2, '8', 20), (3, '009', 30)");
            s.execute("begin");
            s.execute("savepoint a");
            // the third row's value does not fit: the rows rewritten before it must not stay
            assertThat(failure(s, "alter table t alter column n type smallint using n * 1500").sqlState())
                    .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
            s.execute("rollback to savepoint a");
            s.execute("commit");
            assertOldTable(s);
        }
    }

    private static void assertOldTable(Session s) {
        assertThat(rows(s, "select id, code, n, pg_typeof(code), pg_typeof(n) from t order by id"))
                .containsExactly("1|07|10|text|integer", "2|8|20|text|integer", "3|009|30|text|integer");
        assertThat(rows(s, "select id from t where n = 20")).containsExactly("2");
        assertThat(rows(s, "select id from t where n = 40")).isEmpty();
        assertThat(rows(s, "select id from t where code = '009'")).containsExactly("3");
        assertThat(rows(s, "select id from t where n between 15 and 35 order by n desc")).containsExactly("3", "2");
        assertThat(failure(s, "insert into t values (9, '8', 90)").constraint()).isEqualTo("t_code_key");
        s.execute("insert into t values (9, '8 ', 90)");
        s.execute("delete from t where id = 9");
    }
}
