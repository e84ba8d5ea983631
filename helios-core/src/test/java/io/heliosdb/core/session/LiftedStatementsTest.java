package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.config.HeliosConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Texts run as their lifted shapes ({@link LiftedStatements}) give exactly what the normal path gives:
 * the same script runs in two fresh databases, one with lifting off, and every statement's columns (names
 * and types), rows, tag or error (state, message, position) must match.
 */
class LiftedStatementsTest {

    private static final List<String> SETUP = List.of(
            "create table k (id int primary key, b bigint, s smallint, n numeric(10,2), f float8, t text,"
                    + " v varchar(10), c char(3), d date, flag boolean)",
            "insert into k values (1, 10, 1, 1.50, 0.1, 'one', 'uno', 'ab', '2020-01-01', true),"
                    + " (2, 3000000000, 2, 2.25, 0.2, 'it''s', 'dos', 'cd', '2021-06-30', false),"
                    + " (3, -5, 3, null, null, '', null, null, null, null)");

    private static final List<String> QUERIES = List.of(
            "select * from k where id = 1",
            "select * from k where id = 2;",
            "SELECT t FROM k WHERE id = 3 ;  -- trailing comment",
            "select t from k where id = 3000000000",
            "select t from k where id = 99999999999999999999",
            "select t from k where id = 1.0",
            "select t from k where id = 1.5",
            "select t from k where id = 1e0",
            "select id from k where b = 10",
            "select id from k where b = 3000000000",
            "select id from k where s = 2",
            "select id from k where s = 100000",
            "select id from k where n = 1.5",
            "select id from k where n >= 2.250",
            "select id from k where f = 0.1",
            "select id from k where t = 'one'",
            "select id from k where t = 'it''s'",
            "select id from k where t = ''",
            "select id from k where t > 'a' order by t limit 1",
            "select id from k where v = 'dos'",
            "select id from k where c = 'ab'",
            "select id from k where c = 'ab '",
            "select id from k where d = '2021-06-30'",
            "select id from k where d > '2020-06-01'",
            "select id from k where flag = 'true'",
            "select id from k where id = 'x'",
            "select id from k where id = '2'",
            "select id from k where id = '2'::int4",
            "select id from k where id = 2::int8",
            "select t from k where id = ('2'::int4)",
            "select id from k where b = ('3000000000'::int8)",
            "select id from k where t = ('one')",
            "select id from k where d = ('2021-06-30')",
            "select id from k where id = '99999999999'::int4",
            "select id from k where t = 5",
            "select id from k where nosuch = 5",
            "select id from nosuch where id = 5",
            "select id from k where id / 0 = 1",
            "select 1 / 0 = 1 from k",
            "select id = 1 as eq, t = 'one' from k order by id",
            "select 'a' = 'a', 'a' = 'b'",
            "select id from k where 1 = 1 order by id",
            "select count(*) from k where id > 1 having count(*) > 1",
            "select id from k where id = 1 for update",
            "select id from k where (id = 1 or id = 2) and t <> 'one' order by id",
            "select id, case when id = 1 then 'x' else 'y' end from k order by id",
            "select k.id from k join k k2 on k2.id = 2 where k.id = 2",
            "select id from k where id = 1; select id from k where id = 2",
            "select id from k where id = $1",
            "update k set t = 'changed' where id = 1",
            "select t from k where id = 1",
            "update k set s = 100000 where id = 42",
            "update k set t = t || 'x' where id = 2 and t <> 'zzz' returning t",
            "delete from k where id = 3 returning id, t",
            "select count(*) from k where id <= 3",
            "begin",
            "select id from nosuch where id = 1",
            "select id from k where id = 1",
            "rollback",
            "begin",
            "select t from k where id = 2",
            "update k set t = 'in block' where id = 2",
            "select t from k where id = 2",
            "rollback",
            "select t from k where id = 2");

    @Test
    void script_liftedAndNot_giveTheSameOutcomes() {
        List<String> lifted = outcomes(true, SETUP, QUERIES);
        List<String> normal = outcomes(false, SETUP, QUERIES);
        for (int i = 0; i < QUERIES.size(); i++) {
            assertThat(lifted.get(i)).as(QUERIES.get(i)).isEqualTo(normal.get(i));
        }
        // The outcomes do cover results, not only errors.
        assertThat(normal.get(0)).contains("one");
        assertThat(normal.get(QUERIES.indexOf("select id from k where s = 2"))).contains("[Integer:2]");
    }

    @Test
    void dmlScript_liftedAndNot_giveTheSameOutcomes() {
        List<String> lifted = outcomes(true, SETUP, LiftedDmlScript.STATEMENTS);
        List<String> normal = outcomes(false, SETUP, LiftedDmlScript.STATEMENTS);
        for (int i = 0; i < LiftedDmlScript.STATEMENTS.size(); i++) {
            assertThat(lifted.get(i)).as(LiftedDmlScript.STATEMENTS.get(i)).isEqualTo(normal.get(i));
        }
        // The script does reach rows, errors and both kinds of tag.
        String all = String.join("\n", normal);
        assertThat(all).contains("INSERT 0 1", "INSERT 0 3", "UPDATE 1", "UPDATE 0", "ERROR NUMERIC_VALUE_OUT_OF_RANGE",
                "ERROR STRING_DATA_RIGHT_TRUNCATION", "ERROR UNIQUE_VIOLATION", "[Integer:10, Long:-10, Short:-1");
        // Each transaction's row has its own transaction's timestamp (not one fixed when the shape was planned).
        assertThat(lifted.get(LiftedDmlScript.STATEMENTS.indexOf(LiftedDmlScript.SAME_TIMESTAMP)))
                .isEqualTo(lifted.get(LiftedDmlScript.STATEMENTS.indexOf(LiftedDmlScript.SAME_TIMESTAMP + " and tid = 4")))
                .contains("[Boolean:true]");
    }

    /** Each statement of {@code queries} after {@code setup}, with the outcome of each. */
    private static List<String> outcomes(boolean lift, List<String> setup, List<String> queries) {
        List<String> out = new ArrayList<>();
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); KernelSession s = (KernelSession) db.session()) {
            s.liftLiterals(lift);
            setup.forEach(sql -> s.execute(sql).close());
            for (String sql : queries) {
                out.add(outcome(s, sql));
            }
        }
        return out;
    }

    private static String outcome(KernelSession s, String sql) {
        StringBuilder b = new StringBuilder();
        try {
            Iterator<QueryResult> results = s.executeScript(sql);
            while (results.hasNext()) {
                try (QueryResult r = results.next()) {
                    b.append(r.columns()).append(' ');
                    for (Row row : r.toList()) {
                        List<String> values = new ArrayList<>();
                        for (int i = 0; i < row.size(); i++) {
                            Object v = row.get(i);
                            values.add(v == null ? "null" : v.getClass().getSimpleName() + ":" + v);
                        }
                        b.append(values);
                    }
                    b.append(' ').append(r.commandTag()).append("; ");
                }
            }
        } catch (HeliosException e) {
            b.append("ERROR ").append(e.sqlState()).append(' ').append(e.getMessage()).append(" at ")
                    .append(e.position());
        }
        return b.toString();
    }

    @Test
    void execute_afterDdlAndSearchPath_plansTheShapeAgain() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); KernelSession s = (KernelSession) db.session();
             var ddl = db.session()) {
            s.execute("create table a (id int primary key, v text)").close();
            s.execute("insert into a values (1, 'one'), (2, 'two')").close();
            assertThat(single(s, "select v from a where id = 1")).isEqualTo("one");
            assertThat(single(s, "select v from a where id = 2")).isEqualTo("two");

            ddl.execute("alter table a drop column v").close();
            ddl.execute("alter table a add column v int").close();
            try (QueryResult r = s.execute("select v from a where id = 1")) {
                assertThat(r.columns().get(0).type()).isEqualTo(SqlType.INTEGER);
                assertThat(r.toList().get(0).get(0)).isNull();
            }

            ddl.execute("drop table a").close();
            ddl.execute("create table a (id bigint primary key, v text)").close();
            ddl.execute("insert into a values (1, 'new one')").close();
            assertThat(single(s, "select v from a where id = 1")).isEqualTo("new one");

            s.execute("create schema s2").close();
            s.execute("create table s2.a (id int primary key, v text)").close();
            s.execute("insert into s2.a values (1, 'in s2')").close();
            s.execute("set search_path = s2, public").close();
            assertThat(single(s, "select v from a where id = 1")).isEqualTo("in s2");
            s.execute("set search_path = public").close();
            assertThat(single(s, "select v from a where id = 1")).isEqualTo("new one");

            s.execute("begin").close();
            s.execute("alter table a add column w int").close();
            try (QueryResult r = s.execute("select w from a where id = 1")) {
                assertThat(r.toList().get(0).get(0)).isNull();
            }
            s.execute("rollback").close();
            assertThat(stateOf(s, "select w from a where id = 1")).isEqualTo("42703");
        }
    }

    @Test
    void executeScript_manyShapes_keepsTheCacheBounded() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); KernelSession s = (KernelSession) db.session()) {
            s.execute("create table a (id int primary key, v text)").close();
            s.execute("insert into a values (1, 'one')").close();
            for (int i = 0; i < LiftedStatements.CAPACITY * 3; i++) {
                assertThat(single(s, "select v || '" + i + "' from a where id = 1")).isEqualTo("one" + i);
            }
            assertThat(s.liftedShapes()).isLessThanOrEqualTo(LiftedStatements.CAPACITY).isGreaterThan(0);
        }
    }

    @Test
    void execute_sameShapeOtherValues_parsesOnce() throws Exception {
        try (ParseCountingDatabase db = new ParseCountingDatabase(); KernelSession s = db.session()) {
            s.execute("create table a (id int primary key, v text)").close();
            s.execute("insert into a values (1, 'one'), (2, 'two'), (3, 'three')").close();
            int before = db.parses();
            for (int i = 0; i < 30; i++) {
                int id = i % 3 + 1;
                assertThat(single(s, "SELECT v FROM a WHERE id = " + id))
                        .isEqualTo(id == 1 ? "one" : id == 2 ? "two" : "three");
            }
            assertThat(db.parses() - before).isEqualTo(1);

            // An unnamed extended-protocol statement is prepared from the same text again and again.
            for (int id = 1; id <= 3; id++) {
                try (PreparedQuery q = s.prepare("SELECT v FROM a WHERE id = $1")) {
                    assertThat(q.execute(id).toList().get(0).get(0)).isEqualTo(id == 1 ? "one" : id == 2 ? "two"
                            : "three");
                }
            }
            assertThat(db.parses() - before).isEqualTo(2);

            s.liftLiterals(false);
            single(s, "SELECT v FROM a WHERE id = 1");
            single(s, "SELECT v FROM a WHERE id = 2");
            s.prepare("SELECT v FROM a WHERE id = $1").close();
            assertThat(db.parses() - before).isEqualTo(5);
        }
    }

    @Test
    void executeScript_tpcbTransactions_parseEachTextOnce() throws Exception {
        try (ParseCountingDatabase db = new ParseCountingDatabase(); KernelSession s = db.session()) {
            s.execute("create table accounts (aid int primary key, abalance int)").close();
            s.execute("create table history (aid int, delta int, mtime timestamp)").close();
            s.execute("insert into accounts values (1, 0), (2, 0), (3, 0)").close();
            int before = db.parses();
            int[] expected = new int[4];
            for (int i = 0; i < 12; i++) {
                int aid = i % 3 + 1;
                int delta = i % 2 == 0 ? -1000 - i : 1000 + i;
                expected[aid] += delta;
                for (String sql : List.of("BEGIN;",
                        "UPDATE accounts SET abalance = abalance + " + delta + " WHERE aid = " + aid + ";",
                        "SELECT abalance FROM accounts WHERE aid = " + aid + ";",
                        "INSERT INTO history (aid, delta, mtime) VALUES (" + aid + ", " + delta
                                + ", CURRENT_TIMESTAMP);",
                        "END;")) {
                    Iterator<QueryResult> results = s.executeScript(sql);
                    try (QueryResult r = results.next()) {
                        if (sql.startsWith("SELECT")) {
                            assertThat(r.toList().get(0).get(0)).isEqualTo(expected[aid]);
                        }
                    }
                }
            }
            assertThat(db.parses() - before).isEqualTo(5);
            try (QueryResult r = s.execute("select count(*), sum(delta) from history")) {
                Row row = r.toList().get(0);
                assertThat(row.get(0)).isEqualTo(12L);
                assertThat(((Number) row.get(1)).longValue()).isEqualTo(expected[1] + expected[2] + expected[3]);
            }
        }
    }

    @Test
    void executeScript_dmlTextsOtherValues_runAsTheFirstOnesShape() throws Exception {
        List<List<String>> pairs = List.of(
                List.of("insert into k (id, v, t) values (50, 'a', 'b')", "insert into k (id, v, t) values (51, 'cc', 'd')"),
                List.of("insert into k (id, b, n, f) values (52, -5, 1.5, -0.5) returning n",
                        "insert into k (id, b, n, f) values (53, 6, -2.25, 1e3) returning n"),
                List.of("insert into k (id, t) values (54, 'a'), (55, 'b')",
                        "insert into k (id, t) values (56, 'c'), (57, 'd')"),
                List.of("update k set b = b + -5 where id = 52", "update k set b = b + 7 where id = 53"),
                List.of("update k set v = 'x', n = 1.25, s = 3 where id = 50",
                        "update k set v = 'yy', n = -2.5, s = -4 where id = 51"),
                List.of("select id from k where b = -5", "select id from k where b = -6"),
                List.of("delete from k where id = -1", "delete from k where id = -2"));
        try (ParseCountingDatabase db = new ParseCountingDatabase(); KernelSession s = db.session()) {
            SETUP.forEach(sql -> s.execute(sql).close());
            for (List<String> pair : pairs) {
                s.executeScript(pair.get(0)).next().close();
                int before = db.parses();
                s.executeScript(pair.get(1)).next().close();
                assertThat(db.parses()).as(pair.get(1)).isEqualTo(before);
            }
            try (QueryResult r = s.execute("select b, v, n, s from k where id in (51, 53) order by id")) {
                List<Row> rows = r.toList();
                assertThat(rows.get(0).values()).containsExactly(null, "yy", new java.math.BigDecimal("-2.50"),
                        (short) -4);
                assertThat(rows.get(1).values()).containsExactly(13L, null, new java.math.BigDecimal("-2.25"), null);
            }
        }
    }

    private static Object single(KernelSession s, String sql) {
        Iterator<QueryResult> results = s.executeScript(sql);
        try (QueryResult r = results.next()) {
            List<Row> rows = r.toList();
            assertThat(rows).as(sql).hasSize(1);
            return rows.get(0).get(0);
        }
    }

    private static String stateOf(KernelSession s, String sql) {
        try {
            s.execute(sql).close();
            return null;
        } catch (HeliosException e) {
            return e.sqlState().code();
        }
    }
}
