package io.heliosdb.core.constraints;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/** UNIQUE, CHECK and FOREIGN KEY constraints through the embedded API, with PostgreSQL's names and codes. */
class ConstraintsTest {

    @Test
    void unique_autoNamedNullsDistinct() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (id int primary key, a int unique, b text, unique (b, a))");
            s.execute("insert into t values (1, 1, 'x'), (2, null, 'x'), (3, null, 'x')");
            HeliosException e = failure(() -> s.execute("insert into t values (4, 1, 'y')"));
            assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("duplicate key value violates unique constraint \"t_a_key\"");
            assertThat(e.constraint()).isEqualTo("t_a_key");
            assertThat(e.detail()).isEqualTo("Key (a)=(1) already exists.");
            assertThat(failure(() -> s.execute("insert into t values (1, 9, 'z')")).constraint()).isEqualTo("t_pkey");
        }
    }

    @Test
    void check_namedAndAutoNamed_nullPasses() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int check (a > 0), b int, constraint b_small check (b < 10), check (a < b))");
            s.execute("insert into t values (null, null), (1, 2)");
            HeliosException e = failure(() -> s.execute("insert into t values (0, 5)"));
            assertThat(e.sqlState()).isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("new row for relation \"t\" violates check constraint \"t_a_check\"");
            assertThat(e.detail()).isEqualTo("Failing row contains (0, 5).");
            assertThat(failure(() -> s.execute("update t set b = 10 where a = 1")).constraint()).isEqualTo("b_small");
            assertThat(failure(() -> s.execute("insert into t values (5, 4)")).constraint()).isEqualTo("t_a_check1");
        }
    }

    @Test
    void foreignKey_insertAndDeleteRestricted() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id int primary key)");
            s.execute("create table c (id int primary key, pid int references p)");
            s.execute("insert into p values (1), (2)");
            s.execute("insert into c values (10, 1), (11, null)");
            HeliosException e = failure(() -> s.execute("insert into c values (12, 3)"));
            assertThat(e.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("insert or update on table \"c\" violates foreign key constraint \"c_pid_fkey\"");
            assertThat(e.detail()).isEqualTo("Key (pid)=(3) is not present in table \"p\".");
            e = failure(() -> s.execute("delete from p where id = 1"));
            assertThat(e.getMessage()).isEqualTo(
                    "update or delete on table \"p\" violates foreign key constraint \"c_pid_fkey\" on table \"c\"");
            assertThat(e.detail()).isEqualTo("Key (id)=(1) is still referenced from table \"c\".");
            assertThat(s.execute("delete from p where id = 2").rowCount()).isEqualTo(1);
        }
    }

    @Test
    void foreignKey_cascadeSetNullSetDefault() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id int primary key, code text unique)");
            s.execute("insert into p values (0, 'zero'), (1, 'one'), (2, 'two')");
            s.execute("create table c1 (x int, pid int references p on delete cascade on update cascade)");
            s.execute("create table c2 (x int, pid int default 0 references p (id) on delete set default)");
            s.execute("create table c3 (x int, code text, foreign key (code) references p (code) on delete set null)");
            s.execute("insert into c1 values (1, 1), (2, 2)");
            s.execute("insert into c2 values (1, 1)");
            s.execute("insert into c3 values (1, 'one')");
            s.execute("update p set id = 5 where id = 2");
            assertThat(rows(s, "select x, pid from c1 order by x")).containsExactly("1|1", "2|5");
            s.execute("delete from p where id = 1");
            assertThat(rows(s, "select x, pid from c1")).containsExactly("2|5");
            assertThat(rows(s, "select x, pid from c2")).containsExactly("1|0");
            assertThat(rows(s, "select x, code from c3")).containsExactly("1|null");
        }
    }

    @Test
    void createTable_withFillfactorAndBadReference() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int primary key) with (fillfactor=100)");
            s.execute("create table n (a int)");
            assertThat(failure(() -> s.execute("create table c (a int references n)")).sqlState())
                    .isEqualTo(SqlState.INVALID_FOREIGN_KEY);
            assertThat(failure(() -> s.execute("create table c (a int references n (a))")).sqlState())
                    .isEqualTo(SqlState.INVALID_FOREIGN_KEY);
        }
    }
}
