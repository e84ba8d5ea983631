package io.heliosdb.core.session;

import static io.heliosdb.core.constraints.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import org.junit.jupiter.api.Test;

/** A view reads the relations its names resolved to when it was created, whatever search_path is later. */
class ViewSearchPathTest {

    @Test
    void laterSearchPath_doesNotChangeWhatTheViewReads_andViewdefShowsTheTextAsWritten() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create schema app");
            s.execute("create table t (a int)");
            s.execute("insert into t values (1)");
            s.execute("create table app.t (a int)");
            s.execute("insert into app.t values (2)");
            s.execute("create view v as select a from t");
            s.execute("set search_path = app, public");
            s.execute("create view app_v as with t2 as (select a from t) select a from t2 where a in (select a from t)");
            assertThat(rows(s, "select a from public.v")).containsExactly("1");
            assertThat(rows(s, "select a from app_v")).containsExactly("2");
            s.execute("reset search_path");
            assertThat(rows(s, "select a from v")).containsExactly("1");
            assertThat(rows(s, "select a from app.app_v")).containsExactly("2");
            assertThat(rows(s, "select pg_get_viewdef('v')")).containsExactly(" select a from t;");
            assertThat(rows(s, "select definition from pg_views where viewname = 'app_v'"))
                    .containsExactly(" with t2 as (select a from t) select a from t2 where a in (select a from t);");
            // Writing through the view goes to the table it was bound to.
            s.execute("set search_path = app, public");
            s.execute("insert into public.v values (3)");
            s.execute("reset search_path");
            assertThat(rows(s, "select a from t order by a")).containsExactly("1", "3");
        }
    }
}
