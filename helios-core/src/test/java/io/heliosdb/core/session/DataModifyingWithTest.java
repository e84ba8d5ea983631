package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** INSERT, UPDATE and DELETE inside WITH, as PostgreSQL runs them, through the embedded API. */
class DataModifyingWithTest {

    private static Session filled(HeliosDB db) {
        Session s = db.session();
        s.execute("create table src (id int primary key, v text)");
        s.execute("create table dst (id int primary key, v text)");
        s.execute("insert into src values (1, 'a'), (2, 'b'), (3, 'c')");
        return s;
    }

    @Test
    void deleteReturning_movesRowsIntoAnotherTable() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            assertThat(rows(s, "with moved as (delete from src where id >= 2 returning *)"
                    + " insert into dst select * from moved returning id, v")).containsExactly("2|b", "3|c");
            assertThat(rows(s, "select * from src")).containsExactly("1|a");
            assertThat(rows(s, "select * from dst order by id")).containsExactly("2|b", "3|c");
        }
    }

    @Test
    void mainQuery_seesTheStatementsStartNotTheStepsChanges() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            // The step deleted two rows, yet the main query still counts them: same snapshot, as in PostgreSQL.
            assertThat(rows(s, "with d as (delete from src where id >= 2 returning id)"
                    + " select (select count(*) from src), (select count(*) from d)")).containsExactly("3|2");
            // A top-level aggregate over the table reads the statement's start too (the batched scan path).
            assertThat(rows(s, "with d as (delete from src where id >= 2 returning id)"
                    + " select count(*), sum(id) from src")).containsExactly("1|1");
            assertThat(rows(s, "with u as (update src set v = 'x' returning id)"
                    + " select id, v from src order by id")).containsExactly("1|a");
            assertThat(rows(s, "select v from src")).containsExactly("x");
            // Inside a transaction block too: its earlier writes are seen, the step's are not.
            s.execute("begin");
            s.execute("insert into src values (5, 'e')");
            assertThat(rows(s, "with i as (insert into src values (6, 'f') returning id)"
                    + " select string_agg(id::text, ',' order by id) from src")).containsExactly("1,5");
            assertThat(rows(s, "select count(*) from src")).containsExactly("3");
            s.execute("commit");
        }
    }

    @Test
    void everyStep_runsExactlyOnce_evenWhenNotReadOrReadTwice() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            s.execute("create sequence q");
            assertThat(rows(s, "with i as (insert into dst values (nextval('q'), 'n') returning id),"
                    + " unread as (update src set v = v || '!' returning 1)"
                    + " select a.id, b.id from i a, i b")).containsExactly("1|1");
            assertThat(rows(s, "select v from src order by id")).containsExactly("a!", "b!", "c!");
            assertThat(rows(s, "select nextval('q')")).containsExactly("2");
            assertThat(rows(s, "with d as (delete from dst returning 1) select 42")).containsExactly("42");
            assertThat(rows(s, "select count(*) from dst")).containsExactly("0");
        }
    }

    @Test
    void laterStep_readsAnEarlierStepsReturningRows() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            assertThat(rows(s, "with d as (delete from src where id = 1 returning *),"
                    + " i as (insert into dst select id * 10, v from d returning id) select id from i"))
                    .containsExactly("10");
            assertThat(rows(s, "select count(*) from src")).containsExactly("2");
            assertThat(rows(s, "select * from dst")).containsExactly("10|a");
        }
    }

    @Test
    void failingMainStatement_undoesEveryStep() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            s.execute("insert into dst values (2, 'taken')");
            assertThat(failure(s, "with d as (delete from src returning *) insert into dst select * from d").sqlState())
                    .isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(rows(s, "select count(*) from src")).containsExactly("3");
            assertThat(rows(s, "select * from dst")).containsExactly("2|taken");
        }
    }

    @Test
    void preparedStatement_runsItsStepsOnEachExecution() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            PreparedQuery p = s.prepare("with d as (delete from src where id = $1 returning v) select v from d");
            for (int id = 1; id <= 3; id++) {
                try (var r = p.execute(id)) {
                    assertThat(r.toList()).hasSize(1);
                }
            }
            assertThat(rows(s, "select count(*) from src")).containsExactly("0");
        }
    }

    @Test
    void misplacedOrIncompleteSteps_failAsInPostgreSql() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            for (String sql : List.of(
                    "select * from (with d as (delete from src returning *) select * from d) x",
                    "insert into dst with d as (delete from src returning *) select * from d",
                    "with a as (with d as (delete from src returning *) select * from d) select * from a",
                    "select (with d as (delete from src returning 1) select 1)")) {
                assertThat(failure(s, sql).sqlState()).as(sql).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            }
            assertThat(failure(s, "with d as (delete from src) select * from d").sqlState())
                    .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(rows(s, "select count(*) from src")).containsExactly("3");
        }
    }

    @Test
    void explain_showsEachStepAsACte() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = filled(db)) {
            List<String> plan = rows(s, "explain with d as (delete from src returning *) insert into dst select * from d");
            assertThat(plan.get(0)).startsWith("Insert on dst");
            assertThat(plan).anyMatch(line -> line.strip().equals("CTE d"));
            assertThat(plan).anyMatch(line -> line.contains("Delete on src"));
            assertThat(rows(s, "select count(*) from src")).containsExactly("3");
        }
    }
}
