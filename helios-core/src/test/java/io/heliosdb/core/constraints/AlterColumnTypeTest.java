package io.heliosdb.core.constraints;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ALTER TABLE ... ALTER COLUMN ... TYPE through the embedded API. */
class AlterColumnTypeTest {
    @TempDir
    Path dir;

    @Test
    void withoutUsing_needsAnAssignmentCast_withPostgresHint() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (id int primary key, s text)");
            s.execute("insert into t values (1, '10')");
            HeliosException e = failure(() -> s.execute("alter table t alter column s type int"));
            assertThat(e.sqlState()).isEqualTo(SqlState.DATATYPE_MISMATCH);
            assertThat(e.getMessage()).isEqualTo("column \"s\" cannot be cast automatically to type integer");
            assertThat(e.hint()).isEqualTo("You might need to specify \"USING s::integer\".");
            s.execute("alter table t alter column s type int using s::int");
            assertThat(rows(s, "select s + 1 from t")).containsExactly("11");
            s.execute("alter table t alter s set data type varchar(5)");
            assertThat(rows(s, "select s || 'x' from t")).containsExactly("10x");
        }
    }

    @Test
    void badData_failsTheStatement_andLeavesRowsAndTypeAsTheyWere() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (id int primary key, s text, n int, v varchar(10))");
            s.execute("insert into t values (1, '10', 1, 'aa'), (2, 'x', 40000, 'bbbb')");
            assertThat(failure(() -> s.execute("alter table t alter column s type int using s::int")).sqlState())
                    .isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION);
            assertThat(failure(() -> s.execute("alter table t alter column n type smallint")).sqlState())
                    .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
            assertThat(failure(() -> s.execute("alter table t alter column v type varchar(3)")).sqlState())
                    .isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
            s.execute("begin");
            s.execute("alter table t alter column n type bigint using n * 2");
            s.execute("rollback");
            assertThat(rows(s, "select id, s, n, v, pg_typeof(n) from t order by id"))
                    .containsExactly("1|10|1|aa|integer", "2|x|40000|bbbb|integer");
        }
    }

    @Test
    void keysIndexesDefaultsAndConstraints_keepWorking_acrossReopen() {
        Path path = dir.resolve("db");
        try (HeliosDB db = HeliosDB.open(HeliosConfig.persistent(path)); Session s = db.session()) {
            s.execute("create table t (id int primary key, n int default 3 not null, v varchar(10) unique, "
                    + "d numeric(6,2) check (d > 0))");
            s.execute("create index t_n on t (n)");
            s.execute("insert into t values (1, 1, 'aa', 1.25), (2, 2, 'bbbb', 2.5)");
            s.execute("alter table t alter column id type bigint");
            s.execute("alter table t alter column n type bigint");
            s.execute("alter table t alter column v type varchar(4)");
            s.execute("alter table t alter column d type int");
        }
        try (HeliosDB db = HeliosDB.open(HeliosConfig.persistent(path)); Session s = db.session()) {
            s.execute("insert into t (id) values (3)");
            assertThat(rows(s, "select id, n, v, d, pg_typeof(id), pg_typeof(n) from t order by id"))
                    .containsExactly("1|1|aa|1|bigint|bigint", "2|2|bbbb|3|bigint|bigint", "3|3|null|null|bigint|bigint");
            assertThat(rows(s, "select id from t where n = 2")).containsExactly("2");
            assertThat(rows(s, "select id from t where id = 2")).containsExactly("2");
            assertThat(failure(() -> s.execute("insert into t (id) values (3)")).constraint()).isEqualTo("t_pkey");
            assertThat(failure(() -> s.execute("insert into t (id, v) values (4, 'aa')")).constraint())
                    .isEqualTo("t_v_key");
            assertThat(failure(() -> s.execute("insert into t (id, d) values (5, 0)")).sqlState())
                    .isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(failure(() -> s.execute("insert into t (id, n) values (6, null)")).sqlState())
                    .isEqualTo(SqlState.NOT_NULL_VIOLATION);
            assertThat(failure(() -> s.execute("alter table t alter column d type int using d - 3")).sqlState())
                    .isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(failure(() -> s.execute("insert into t (id, v) values (7, 'toolong')")).sqlState())
                    .isEqualTo(SqlState.STRING_DATA_RIGHT_TRUNCATION);
        }
    }

    @Test
    void defaultsForeignKeysAndViews_refuseAsPostgres() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (id int primary key, b text default 'x', c int)");
            HeliosException e = failure(() -> s.execute("alter table t alter column b type int using 7"));
            assertThat(e.sqlState()).isEqualTo(SqlState.DATATYPE_MISMATCH);
            assertThat(e.getMessage()).isEqualTo("default for column \"b\" cannot be cast automatically to type integer");
            s.execute("create table fc (id int primary key, pid int references t)");
            e = failure(() -> s.execute("alter table fc alter column pid type text"));
            assertThat(e.sqlState()).isEqualTo(SqlState.DATATYPE_MISMATCH);
            assertThat(e.getMessage()).isEqualTo("foreign key constraint \"fc_pid_fkey\" cannot be implemented");
            assertThat(failure(() -> s.execute("alter table t alter column id type text")).sqlState())
                    .isEqualTo(SqlState.DATATYPE_MISMATCH);
            s.execute("create view v as select id, c from t");
            e = failure(() -> s.execute("alter table t alter column c type bigint"));
            assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(e.detail()).isEqualTo("rule _RETURN on view v depends on column \"c\"");
            s.execute("alter table t alter column b type varchar(3)");
            s.execute("insert into t (id) values (1)");
            assertThat(rows(s, "select b from t")).containsExactly("x");
            assertThat(failure(() -> s.execute("alter table t alter column c type int using (select 1)")).sqlState())
                    .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        }
    }
}
