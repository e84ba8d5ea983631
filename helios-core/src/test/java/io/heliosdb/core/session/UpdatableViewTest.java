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

/** INSERT, UPDATE and DELETE through automatically updatable views, through the embedded API. */
class UpdatableViewTest {

    private static void setUp(Session s) {
        s.execute("create table b (id int primary key, name text not null, qty int default 5, secret text)");
        s.execute("insert into b values (1, 'a', 1, 's1'), (2, 'b', 2, 's2'), (3, 'c', 30, 's3')");
        s.execute("create view v as select id, name, qty, qty * 2 as dbl from b where qty < 10");
    }

    @Test
    void insert_mapsViewColumnsToBaseColumns_andReturnsViewColumns() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            assertThat(rows(s, "insert into v (id, name) values (4, 'd') returning *")).containsExactly("4|d|5|10");
            // The view's WHERE does not stop an INSERT (no CHECK OPTION), as in PostgreSQL.
            assertThat(rows(s, "insert into v values (5, 'e', 50) returning id, dbl")).containsExactly("5|100");
            HeliosException e = failure(() -> s.execute("insert into v values (6, 'f', 1, 2)"));
            assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(e.getMessage()).isEqualTo("cannot insert into column \"dbl\" of view \"v\"");
            assertThat(failure(() -> s.execute("insert into v (id) values (7)")).sqlState())
                    .isEqualTo(SqlState.NOT_NULL_VIOLATION);
            assertThat(rows(s, "select id, name, qty, secret from b where id > 3 order by id"))
                    .containsExactly("4|d|5|null", "5|e|50|null");
        }
    }

    @Test
    void updateAndDelete_applyTheViewsWhere_andReturnNewViewRows() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            assertThat(rows(s, "update v set qty = qty + 1 returning *")).containsExactly("1|a|2|4", "2|b|3|6");
            assertThat(rows(s, "update v set name = upper(name) where id = 1 returning name, dbl"))
                    .containsExactly("A|4");
            assertThat(failure(() -> s.execute("update v set dbl = 3")).getMessage())
                    .isEqualTo("cannot update column \"dbl\" of view \"v\"");
            assertThat(failure(() -> s.execute("update v set nosuch = 3")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_COLUMN);
            assertThat(rows(s, "delete from v where id = 2 returning *")).containsExactly("2|b|3|6");
            assertThat(rows(s, "delete from v")).isEmpty();
            assertThat(rows(s, "select id, name, qty from b order by id")).containsExactly("3|c|30");
        }
    }

    @Test
    void viewsOverViews_composeMappingsAndConditions() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            s.execute("create view v2 as select name as n, id from v where id > 1");
            s.execute("insert into v2 values ('z', 7)");
            assertThat(rows(s, "update v2 set (n) = row(n || '!') returning *")).containsExactly("b!|2", "z!|7");
            assertThat(rows(s, "select id, name from b order by id")).containsExactly("1|a", "2|b!", "3|c", "7|z!");
            assertThat(rows(s, "delete from v2 where n = 'z!' returning id")).containsExactly("7");
        }
    }

    @Test
    void viewsThatAreNotUpdatable_giveDetailAndHint() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            setUp(s);
            s.execute("create view agg as select count(*) from b");
            HeliosException e = failure(() -> s.execute("insert into agg values (1)"));
            assertThat(e.sqlState()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(e.getMessage()).isEqualTo("cannot insert into view \"agg\"");
            assertThat(e.detail()).isEqualTo("Views that return aggregate functions are not automatically updatable.");
            assertThat(e.hint()).isEqualTo("To enable inserting into the view, provide an INSTEAD OF INSERT trigger or "
                    + "an unconditional ON INSERT DO INSTEAD rule.");
            s.execute("create view j as select b.id from b, b b2");
            e = failure(() -> s.execute("delete from j"));
            assertThat(e.detail()).isEqualTo("Views that do not select from a single table or view are not automatically updatable.");
            s.execute("create view lim as select * from b limit 1");
            assertThat(failure(() -> s.execute("update lim set qty = 1")).detail())
                    .isEqualTo("Views containing LIMIT or OFFSET are not automatically updatable.");
        }
    }
}
