package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.failure;
import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/** INSERT ... ON CONFLICT, UPDATE ... FROM and DELETE ... USING through automatically updatable views. */
class ViewJoinedWritesTest {

    private static void setUp(Session s) {
        s.execute("create table b (id int primary key, code text unique, qty int not null default 0, note text)");
        s.execute("insert into b values (1, 'a', 1, 'n1'), (2, 'b', 2, null), (3, 'c', 30, 'n3')");
        s.execute("create view v (k, c, n, twice) as select id, code, qty, qty * 2 from b where qty < 10");
        s.execute("create table d (id int, add int, tag text)");
        s.execute("insert into d values (1, 10, 'one'), (2, 20, 'two'), (2, 30, 'again'), (3, 40, 'three')");
    }

    @Test
    void onConflict_mapsTargetAndSetColumns_andExcludedReadsViewColumns() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            assertThat(rows(s, "insert into v values (1, 'z', 5) on conflict (k) do nothing returning *")).isEmpty();
            assertThat(rows(s, "insert into v values (4, 'd', 4) on conflict (c) do nothing returning k, twice"))
                    .containsExactly("4|8");
            assertThat(rows(s, "insert into v values (1, 'z', 5) on conflict (k) do update "
                    + "set n = v.n + excluded.twice, c = excluded.c || v.c returning *")).containsExactly("1|za|11|22");
            // The existing row need not be visible through the view (no CHECK OPTION), as in PostgreSQL.
            assertThat(rows(s, "insert into v values (3, 'c', 1) on conflict (k) do update set n = v.n + 1 returning n"))
                    .containsExactly("31");
            assertThat(rows(s, "insert into v values (2, 'b', 1) on conflict (k) do update set n = 9 where v.n > 100"))
                    .isEmpty();
            assertThat(rows(s, "select id, code, qty from b order by id"))
                    .containsExactly("1|za|11", "2|b|2", "3|c|31", "4|d|4");
        }
    }

    @Test
    void onConflict_refusesNamesThatAreNotBaseColumns() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            HeliosException e = failure(s, "insert into v values (1, 'a', 1) on conflict (id) do nothing");
            assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_COLUMN);
            assertThat(failure(s, "insert into v values (1, 'a', 1) on conflict (twice) do nothing").sqlState())
                    .isEqualTo(SqlState.INVALID_COLUMN_REFERENCE);
            e = failure(s, "insert into v values (1, 'a', 1) on conflict (k) do update set twice = 1");
            assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(e.getMessage()).isEqualTo("cannot update column \"twice\" of view \"v\"");
        }
    }

    @Test
    void onConflict_checksTheViewsCheckOption_onInsertedAndUpdatedRows() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            s.execute("create view cv as select id, qty from b where qty < 10 with check option");
            assertThat(failure(s, "insert into cv values (9, 50) on conflict (id) do nothing").sqlState())
                    .isEqualTo(SqlState.WITH_CHECK_OPTION_VIOLATION);
            HeliosException e = failure(s, "insert into cv values (1, 1) on conflict (id) do update set qty = 70");
            assertThat(e.sqlState()).isEqualTo(SqlState.WITH_CHECK_OPTION_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("new row violates check option for view \"cv\"");
            assertThat(rows(s, "select qty from b where id = 1")).containsExactly("1");
        }
    }

    @Test
    void updateFrom_joinsViewRows_changesEachOnce_andReturnsBothSides() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            // Row 2 joins two rows of d: it is changed once; row 3 is outside the view.
            assertThat(rows(s, "update v set n = v.n + d.add from d where d.id = v.k returning v.k, v.n, v.twice"))
                    .hasSize(2).contains("1|11|22");
            assertThat(rows(s, "select id, qty from b order by id")).hasSize(3).contains("1|11", "3|30");
            assertThat(rows(s, "select qty in (22, 32) from b where id = 2")).containsExactly("true");
            assertThat(failure(s, "update v set twice = 1 from d where d.id = v.k").sqlState())
                    .isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(failure(s, "update v set n = 1 from v where true").sqlState())
                    .isEqualTo(SqlState.DUPLICATE_ALIAS);
        }
    }

    @Test
    void deleteUsing_deletesJoinedViewRows_andReturnsOldRows() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            assertThat(rows(s, "delete from v x using d where d.id = x.k and d.tag like 't%' returning x.k, x.twice, d.tag"))
                    .containsExactly("2|4|two");
            assertThat(rows(s, "delete from v using d where d.id = v.k")).isEmpty();
            assertThat(rows(s, "select id from b order by id")).containsExactly("3");
            s.execute("create view agg as select code, count(*) from b group by code");
            HeliosException e = failure(s, "delete from agg using d where d.tag = agg.code");
            assertThat(e.sqlState()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(e.getMessage()).isEqualTo("cannot delete from view \"agg\"");
        }
    }
}
