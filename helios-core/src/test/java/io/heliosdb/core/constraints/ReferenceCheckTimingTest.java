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

/**
 * Foreign keys' NO ACTION and RESTRICT on the referenced side are checked when the statement ends (as
 * PostgreSQL's triggers do), and CHECK constraints follow a column rename.
 */
class ReferenceCheckTimingTest {

    @Test
    void selfReferencingTable_canBeEmptiedInOneStatement_butNotPartly() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            for (String action : new String[] {"no action", "restrict"}) {
                String t = action.equals("restrict") ? "tree2" : "tree";
                s.execute("create table " + t + " (id int primary key, parent int references " + t
                        + " on delete " + action + ")");
                s.execute("insert into " + t + " values (1, null), (2, 1), (3, 2)");
                HeliosException e = failure(() -> s.execute("delete from " + t + " where id < 3"));
                assertThat(e.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
                assertThat(e.detail()).isEqualTo("Key (id)=(2) is still referenced from table \"" + t + "\".");
                assertThat(rows(s, "delete from " + t + " returning id")).containsExactly("1", "2", "3");
            }
        }
    }

    @Test
    void updateOfReferencedKeys_failsOnTheFirstKeyStillReferencedAtTheEnd() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table p (id int primary key)");
            s.execute("create table c (id int primary key, pid int references p)");
            s.execute("insert into p values (1), (2), (3)");
            s.execute("insert into c values (10, 2), (11, 3)");
            HeliosException e = failure(() -> s.execute("update p set id = -id"));
            assertThat(e.constraint()).isEqualTo("c_pid_fkey");
            assertThat(e.detail()).isEqualTo("Key (id)=(2) is still referenced from table \"c\".");
            s.execute("update p set id = id + 10 where id = 1");
            assertThat(rows(s, "select id from p order by id")).containsExactly("2", "3", "11");
        }
    }

    @Test
    void checkConstraints_followColumnRenames() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table rc (a int, b int, constraint rc_a check (a > 0), check (a < b and 'a' <> 'b'))");
            s.execute("alter table rc rename column a to \"Order\"");
            assertThat(failure(() -> s.execute("insert into rc values (0, 5)")).constraint()).isEqualTo("rc_a");
            s.execute("alter table rc rename column b to \"select\"");
            assertThat(failure(() -> s.execute("insert into rc values (6, 5)")).sqlState())
                    .isEqualTo(SqlState.CHECK_VIOLATION);
            s.execute("insert into rc values (2, 3)");
            assertThat(rows(s, "select \"Order\", \"select\" from rc")).containsExactly("2|3");
        }
    }
}
