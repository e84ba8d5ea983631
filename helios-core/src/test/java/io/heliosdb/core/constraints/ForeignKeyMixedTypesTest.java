package io.heliosdb.core.constraints;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys whose two sides have different but compatible types (PostgreSQL allows them, and ALTER COLUMN
 * ... TYPE makes them): the referenced key is still protected, and values compare as PostgreSQL compares them.
 */
class ForeignKeyMixedTypesTest {

    @Test
    void integerReferencingBigint_protectsTheParentRow() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id bigint primary key)");
            s.execute("create table c (pid int references p on update cascade)");
            s.execute("insert into p values (1), (2)");
            s.execute("insert into c values (1)");
            assertThat(failure(s, "delete from p where id = 1").sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            s.execute("update p set id = 10 where id = 1");
            assertThat(rows(s, "select pid, pg_typeof(pid) from c")).containsExactly("10|integer");
            assertThat(failure(s, "update p set id = 5000000000 where id = 10").sqlState())
                    .isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
            s.execute("delete from p where id = 2");
        }
    }

    @Test
    void alterTypeOfTheReferencingColumn_keepsTheKeyChecked() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id int primary key)");
            s.execute("create table c (pid int references p)");
            s.execute("insert into p values (1), (2)");
            s.execute("insert into c values (1)");
            s.execute("alter table c alter column pid type bigint");
            assertThat(failure(s, "delete from p where id = 1").sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(failure(s, "insert into c values (5000000000)").sqlState())
                    .isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            s.execute("insert into c values (2)");
            assertThat(failure(s, "alter table c alter column pid type text").sqlState())
                    .isEqualTo(SqlState.DATATYPE_MISMATCH);
        }
    }

    @Test
    void numericKey_matchesEqualValuesOfAnotherScale_andIncompatibleTypesAreRefused() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id numeric primary key)");
            s.execute("create table c (x numeric references p, y int references p)");
            s.execute("insert into p values (5.0)");
            s.execute("insert into c values (5, 5)");
            assertThat(failure(s, "delete from p").sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(failure(s, "create table bad (u uuid references p)").sqlState())
                    .isEqualTo(SqlState.DATATYPE_MISMATCH);
        }
    }
}
