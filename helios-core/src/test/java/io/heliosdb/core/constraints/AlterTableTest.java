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

/** ALTER TABLE through the embedded API. */
class AlterTableTest {
    @TempDir
    Path dir;

    @Test
    void addAndDropColumn_existingRowsStayReadable_acrossReopen() {
        Path path = dir.resolve("db");
        try (HeliosDB db = HeliosDB.open(HeliosConfig.persistent(path)); Session s = db.session()) {
            s.execute("create table t (a int primary key, b text)");
            s.execute("create index t_b on t (b)");
            s.execute("insert into t values (1, 'x'), (2, 'y')");
            s.execute("alter table t add column c int not null default 7");
            s.execute("alter table t drop column b");
            s.execute("insert into t values (3, 8)");
        }
        try (HeliosDB db = HeliosDB.open(HeliosConfig.persistent(path)); Session s = db.session()) {
            assertThat(rows(s, "select * from t order by a")).containsExactly("1|7", "2|7", "3|8");
            assertThat(failure(() -> s.execute("alter table t add column d int not null")).sqlState())
                    .isEqualTo(SqlState.NOT_NULL_VIOLATION);
        }
    }

    @Test
    void addPrimaryKey_laterRekeysRowsAndRejectsDuplicates() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table b (bid int not null, bbalance int) with (fillfactor=100)");
            s.execute("insert into b values (2, 0), (1, 0)");
            s.execute("alter table b add primary key (bid)");
            assertThat(failure(() -> s.execute("insert into b values (1, 5)")).constraint()).isEqualTo("b_pkey");
            s.execute("create table d (x int)");
            s.execute("insert into d values (1), (1)");
            HeliosException e = failure(() -> s.execute("alter table d add primary key (x)"));
            assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("could not create unique index \"d_pkey\"");
            s.execute("alter table b drop constraint b_pkey");
            s.execute("insert into b values (1, 5)");
            assertThat(rows(s, "select count(*) from b")).containsExactly("3");
        }
    }

    @Test
    void renamesDefaultsNotNullAndConstraints() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int, b int)");
            s.execute("insert into t values (1, null)");
            s.execute("alter table t rename column a to x");
            s.execute("alter table t rename to u");
            s.execute("alter table u alter column b set default 5");
            s.execute("insert into u (x) values (2)");
            assertThat(rows(s, "select x, b from u order by x")).containsExactly("1|null", "2|5");
            assertThat(failure(() -> s.execute("alter table u alter column b set not null")).sqlState())
                    .isEqualTo(SqlState.NOT_NULL_VIOLATION);
            s.execute("alter table u alter column b drop default");
            assertThat(failure(() -> s.execute("alter table u add constraint pos check (x > 1)")).sqlState())
                    .isEqualTo(SqlState.CHECK_VIOLATION);
            s.execute("alter table u add constraint pos check (x > 0)");
            assertThat(failure(() -> s.execute("insert into u values (0, 0)")).constraint()).isEqualTo("pos");
            s.execute("alter table u drop constraint pos");
            s.execute("alter table u add unique (x)");
            assertThat(failure(() -> s.execute("insert into u values (1, 0)")).constraint()).isEqualTo("u_x_key");
            assertThat(failure(() -> s.execute("alter table u drop constraint nope")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_OBJECT);
            s.execute("alter table u drop constraint if exists nope");
        }
    }

    @Test
    void alterTable_rollsBackWithTransaction() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("insert into t values (1)");
            s.execute("begin");
            s.execute("alter table t add column b int default 3");
            s.execute("alter table t add primary key (a)");
            assertThat(rows(s, "select * from t")).containsExactly("1|3");
            s.execute("rollback");
            assertThat(rows(s, "select * from t")).containsExactly("1");
            s.execute("insert into t values (1)");
        }
    }
}
