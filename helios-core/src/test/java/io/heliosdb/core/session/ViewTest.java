package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE [OR REPLACE] VIEW, DROP VIEW, reading views and what depends on them, through the embedded API. */
class ViewTest {
    @TempDir
    Path dir;

    private static List<List<Object>> rows(Session s, String sql) {
        return s.execute(sql).toList().stream().map(r -> {
            List<Object> values = new java.util.ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                values.add(r.get(i));
            }
            return values;
        }).toList();
    }

    private static HeliosException failure(Runnable action) {
        try {
            action.run();
        } catch (HeliosException e) {
            return e;
        }
        throw new AssertionError("expected an error");
    }

    @Test
    void viewsAreExpandedAtPlanTime_andSeeNewRows() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int primary key, b text)");
            s.execute("insert into t values (1, 'x'), (2, 'y'), (3, 'z')");
            s.execute("create view v (id, label) as select a, b from t where a > 1");
            s.execute("create view vv as select label from v where id < 3");
            assertThat(rows(s, "select id, label from v order by id")).containsExactly(List.of(2, "y"), List.of(3, "z"));
            assertThat(rows(s, "select * from vv")).containsExactly(List.of("y"));
            assertThat(rows(s, "select x.label from v x join t on t.a = x.id where t.b = 'z'"))
                    .containsExactly(List.of("z"));
            s.execute("insert into t values (4, 'w')");
            assertThat(rows(s, "select count(*) from v")).containsExactly(List.of(3L));
        }
    }

    @Test
    void dropTable_withDependentView_refusedUnlessCascade() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("create view v as select a from t");
            s.execute("create view v2 as select a from v");
            HeliosException e = failure(() -> s.execute("drop table t"));
            assertThat(e.sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            assertThat(e.getMessage()).isEqualTo("cannot drop table t because other objects depend on it");
            assertThat(e.detail()).isEqualTo("view v depends on table t\nview v2 depends on view v");
            assertThat(failure(() -> s.execute("drop view v")).sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            s.execute("drop view v, v2");
            s.execute("create view v as select a from t");
            s.execute("drop table t cascade");
            assertThat(failure(() -> s.execute("select * from v")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
        }
    }

    @Test
    void createOrReplace_keepsColumns() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int, b text)");
            s.execute("create view v as select a, b from t");
            assertThat(failure(() -> s.execute("create view v as select a from t")).sqlState())
                    .isEqualTo(SqlState.DUPLICATE_TABLE);
            HeliosException dropped = failure(() -> s.execute("create or replace view v as select a from t"));
            assertThat(dropped.sqlState()).isEqualTo(SqlState.INVALID_TABLE_DEFINITION);
            assertThat(dropped.getMessage()).isEqualTo("cannot drop columns from view");
            assertThat(failure(() -> s.execute("create or replace view v as select b, a from t")).getMessage())
                    .isEqualTo("cannot change name of view column \"a\" to \"b\"");
            assertThat(failure(() -> s.execute("create or replace view v as select a, 1 as b from t")).getMessage())
                    .isEqualTo("cannot change data type of view column \"b\" from text to integer");
            s.execute("insert into t values (1, 'one')");
            s.execute("create or replace view v as select a, b, a * 10 as c from t");
            assertThat(rows(s, "select c from v")).containsExactly(List.of(10));
            assertThat(failure(() -> s.execute("create table v (x int)")).sqlState()).isEqualTo(SqlState.DUPLICATE_TABLE);
        }
    }

    @Test
    void writesToViewsThatAreNotUpdatable_areRefused() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("create view v as select distinct a from t");
            HeliosException insert = failure(() -> s.execute("insert into v values (1)"));
            assertThat(insert.sqlState()).isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(insert.getMessage()).isEqualTo("cannot insert into view \"v\"");
            assertThat(failure(() -> s.execute("update v set a = 1")).sqlState())
                    .isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(failure(() -> s.execute("delete from v")).sqlState())
                    .isEqualTo(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE);
            assertThat(failure(() -> s.execute("drop table v")).sqlState()).isEqualTo(SqlState.WRONG_OBJECT_TYPE);
            assertThat(failure(() -> s.execute("drop view t")).sqlState()).isEqualTo(SqlState.WRONG_OBJECT_TYPE);
            assertThat(failure(() -> s.execute("drop view nope")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("drop view if exists nope");
        }
    }

    @Test
    void viewDdl_isTransactional() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("begin");
            s.execute("create view v as select a from t");
            assertThat(rows(s, "select count(*) from v")).containsExactly(List.of(0L));
            s.execute("rollback");
            assertThat(failure(() -> s.execute("select * from v")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("create view v as select a from t");
            s.execute("begin");
            s.execute("drop view v");
            s.execute("rollback");
            assertThat(rows(s, "select count(*) from v")).containsExactly(List.of(0L));
        }
    }

    @Test
    void views_surviveRestart() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            s.execute("create table t (a int)");
            s.execute("insert into t values (5)");
            s.execute("create view v (x) as select a + 1 from t");
        }
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            assertThat(rows(s, "select x from v")).containsExactly(List.of(6));
            assertThat(failure(() -> s.execute("drop table t")).sqlState())
                    .isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
        }
    }

    @Test
    void catalog_listsViews() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int, b text)");
            s.execute("create view v as select a, b from t");
            assertThat(rows(s, "select relkind, relnatts from pg_class where relname = 'v'"))
                    .containsExactly(List.of("v", (short) 2));
            assertThat(rows(s, "select schemaname, viewname, definition from pg_views"))
                    .containsExactly(List.of("public", "v", " select a, b from t;"));
            assertThat(rows(s, "select table_name, table_type from information_schema.tables order by 1"))
                    .containsExactly(List.of("t", "BASE TABLE"), List.of("v", "VIEW"));
            assertThat(rows(s, "select table_name, is_updatable from information_schema.views"))
                    .containsExactly(List.of("v", "YES"));
            assertThat(rows(s, "select pg_get_viewdef('v'::regclass), pg_get_viewdef('v')"))
                    .containsExactly(List.of(" select a, b from t;", " select a, b from t;"));
            assertThat(rows(s, "select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid"
                    + " where c.relname = 'v' order by a.attnum")).containsExactly(List.of("a"), List.of("b"));
        }
    }

    @Test
    void commentOn_isStored_andShownByDescriptionFunctions() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create table t (a int, b text)");
            s.execute("create view v as select a from t");
            s.execute("create sequence q");
            s.execute("comment on table t is 'the table'");
            s.execute("comment on column t.b is 'column b'");
            s.execute("comment on view v is 'the view'");
            s.execute("comment on sequence q is 'the sequence'");
            s.execute("comment on schema public is 'standard public schema'");
            assertThat(rows(s, "select obj_description('t'::regclass, 'pg_class'), col_description('t'::regclass, 2),"
                    + " col_description('t'::regclass, 1), obj_description('v'::regclass)"))
                    .containsExactly(java.util.Arrays.asList("the table", "column b", null, "the view"));
            assertThat(rows(s, "select d.description from pg_description d join pg_namespace n on n.oid = d.objoid"
                    + " where n.nspname = 'public'")).containsExactly(List.of("standard public schema"));
            s.execute("begin");
            s.execute("comment on table t is null");
            s.execute("rollback");
            assertThat(rows(s, "select obj_description('t'::regclass, 'pg_class')")).containsExactly(List.of("the table"));
            s.execute("comment on table t is null");
            assertThat(rows(s, "select count(*) from pg_description where objsubid = 0 and classoid = 1259"))
                    .containsExactly(List.of(1L));
            assertThat(failure(() -> s.execute("comment on table v is 'x'")).sqlState())
                    .isEqualTo(SqlState.WRONG_OBJECT_TYPE);
            assertThat(failure(() -> s.execute("comment on column t.nope is 'x'")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_COLUMN);
            assertThat(failure(() -> s.execute("comment on table nope is 'x'")).sqlState())
                    .isEqualTo(SqlState.UNDEFINED_TABLE);
            assertThat(failure(() -> s.execute("comment on schema nope is 'x'")).sqlState())
                    .isEqualTo(SqlState.INVALID_SCHEMA_NAME);
            s.execute("drop table t cascade");
            assertThat(rows(s, "select count(*) from pg_description where classoid = 1259")).containsExactly(List.of(0L));
        }
    }
}
