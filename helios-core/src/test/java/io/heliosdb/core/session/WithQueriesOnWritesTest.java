package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/** WITH before INSERT and DELETE, and WITH queries read more than once running once, through the embedded API. */
class WithQueriesOnWritesTest {

    @Test
    void insertAndDelete_acceptWith() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table w (a int primary key, b text)");
            s.execute("insert into w values (1, 'a'), (2, 'b'), (3, 'c')");
            assertThat(rows(s, "with x as (select a from w where a > 1) insert into w select a + 10, 'n' from x"
                    + " returning *")).containsExactly("12|n", "13|n");
            assertThat(rows(s, "with x as (select a from w where a > 10) delete from w where a in (select a from x)"
                    + " returning a")).containsExactly("12", "13");
            assertThat(rows(s, "with x (k) as (select 7) insert into w select k, 'q' from x returning a"))
                    .containsExactly("7");
            assertThat(rows(s, "with gone as (select 2 as a) delete from w using gone where w.a = gone.a returning w.b"))
                    .containsExactly("b");
            assertThat(rows(s, "select a from w order by a")).containsExactly("1", "3", "7");
        }
    }

    @Test
    void withQueryReadTwice_runsOnce() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            for (int i = 0; i < 5; i++) {
                assertThat(rows(s, "with x as (select random() r) select a.r = b.r from x a, x b"))
                        .containsExactly("true");
                assertThat(rows(s, "with x as (select random() r) select (select r from x) = (select r from x)"))
                        .containsExactly("true");
                assertThat(rows(s, "with x as (select random() r from generate_series(1, 3)),"
                        + " y as (select r from x) select count(*) from x join y using (r)")).containsExactly("3");
            }
            assertThat(rows(s, "with x as materialized (select 1 r) select * from x")).containsExactly("1");
            assertThat(rows(s, "with x as not materialized (select 1 r) select * from x a, x b"))
                    .containsExactly("1|1");
            assertThat(failure(s, "with x as matrialized (select 1 r) select * from x").sqlState())
                    .isEqualTo(SqlState.SYNTAX_ERROR);
        }
    }

    @Test
    void sharedWithQuery_isRerunForEachExecution_andShownAsCteScan() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table c (n int)");
            s.execute("insert into c values (1)");
            String sql = "with x as (select sum(n) t from c) select a.t + b.t from x a, x b";
            assertThat(rows(s, sql)).containsExactly("2");
            s.execute("insert into c values (2)");
            assertThat(rows(s, sql)).containsExactly("6");
            assertThat(String.join("\n", rows(s, "explain " + sql))).contains("CTE Scan on a", "CTE Scan on b");
        }
    }
}
