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

/** CREATE/DROP SCHEMA, schema-qualified names, search_path and the catalog views, through the embedded API. */
class SchemaTest {
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
    void qualifiedNames_reachTheSchemasObjects_andPublicStaysDefault() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create schema s");
            s.execute("create table t (a int primary key, b text)");
            s.execute("create table s.t (a int primary key, c text)");
            s.execute("insert into t values (1, 'public')");
            s.execute("insert into s.t values (1, 's'), (2, 's2')");
            assertThat(rows(s, "select b from t")).containsExactly(List.of("public"));
            assertThat(rows(s, "select b from public.t")).containsExactly(List.of("public"));
            assertThat(rows(s, "select t.c from s.t where t.a = 2")).containsExactly(List.of("s2"));
            assertThat(rows(s, "select x.c, p.b from s.t x join public.t p on p.a = x.a"))
                    .containsExactly(List.of("s", "public"));
            s.execute("update s.t set c = 'u' where a = 1");
            s.execute("delete from s.t where a = 2");
            assertThat(rows(s, "select a, c from s.t")).containsExactly(List.of(1, "u"));
            s.execute("create index ti on s.t (c)");
            s.execute("drop index s.ti");
            s.execute("create sequence s.seq");
            assertThat(rows(s, "select nextval('s.seq'), nextval('s.seq')")).containsExactly(List.of(1L, 2L));
            s.execute("create view s.v as select c from s.t");
            assertThat(rows(s, "select * from s.v")).containsExactly(List.of("u"));
            s.execute("alter table s.t add column d int default 7");
            assertThat(rows(s, "select d from s.t")).containsExactly(List.of(7));
            assertThat(failure(() -> s.execute("select * from s.nope")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
        }
    }

    @Test
    void createAndDropSchema_errors() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create schema s");
            assertThat(failure(() -> s.execute("create schema s")).sqlState()).isEqualTo(SqlState.DUPLICATE_SCHEMA);
            s.execute("create schema if not exists s");
            assertThat(failure(() -> s.execute("create table nope.t (a int)")).sqlState())
                    .isEqualTo(SqlState.INVALID_SCHEMA_NAME);
            assertThat(failure(() -> s.execute("drop schema nope")).sqlState()).isEqualTo(SqlState.INVALID_SCHEMA_NAME);
            s.execute("drop schema if exists nope");
            s.execute("create table s.t (id serial primary key)");
            HeliosException notEmpty = failure(() -> s.execute("drop schema s"));
            assertThat(notEmpty.sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            assertThat(notEmpty.getMessage()).isEqualTo("cannot drop schema s because other objects depend on it");
            assertThat(failure(() -> s.execute("drop schema s restrict")).sqlState())
                    .isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            s.execute("create view s.v as select id from s.t");
            s.execute("create view pv as select id from s.t");
            s.execute("create sequence s.free");
            s.execute("drop schema s cascade");
            assertThat(failure(() -> s.execute("select * from pv")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
            assertThat(rows(s, "select count(*) from pg_namespace where nspname = 's'")).containsExactly(List.of(0L));
            s.execute("create schema s");
            s.execute("create table s.t (id serial primary key)");
            assertThat(rows(s, "select count(*) from s.t")).containsExactly(List.of(0L));
            s.execute("drop table s.t");
            s.execute("drop schema s");
        }
    }

    @Test
    void searchPath_findsAndCreatesUnqualifiedNames() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create schema app");
            s.execute("create table t (a int)");
            s.execute("insert into t values (1)");
            assertThat(rows(s, "show search_path")).containsExactly(List.of("\"$user\", public"));
            s.execute("set search_path = app, public");
            s.execute("create table t (a int)");
            s.execute("insert into t values (2)");
            s.execute("create table only_app (x int)");
            assertThat(rows(s, "select a from t")).containsExactly(List.of(2));
            assertThat(rows(s, "select a from public.t")).containsExactly(List.of(1));
            assertThat(rows(s, "select current_schema()")).containsExactly(List.of("app"));
            s.execute("reset search_path");
            assertThat(rows(s, "select a from t")).containsExactly(List.of(1));
            assertThat(rows(s, "select count(*) from app.only_app")).containsExactly(List.of(0L));
            assertThat(failure(() -> s.execute("select * from only_app")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
            s.execute("set search_path = nothing_here");
            assertThat(failure(() -> s.execute("create table z (a int)")).sqlState())
                    .isEqualTo(SqlState.INVALID_SCHEMA_NAME);
        }
    }

    @Test
    void catalogViews_showSchemas() {
        try (HeliosDB db = HeliosDB.open(HeliosConfig.memory()); Session s = db.session()) {
            s.execute("create schema s");
            s.execute("create table s.t (a int)");
            s.execute("create table u (a int)");
            assertThat(rows(s, "select nspname from pg_namespace where nspname in ('s', 'public') order by 1"))
                    .containsExactly(List.of("public"), List.of("s"));
            assertThat(rows(s, "select c.relname, n.nspname from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where c.relname in ('t', 'u') order by 1"))
                    .containsExactly(List.of("t", "s"), List.of("u", "public"));
            assertThat(rows(s, "select table_schema, table_name from information_schema.tables"
                    + " where table_name in ('t', 'u') order by 2"))
                    .containsExactly(List.of("s", "t"), List.of("public", "u"));
            assertThat(rows(s, "select count(*) from pg_catalog.pg_class where relname = 'pg_class'"))
                    .containsExactly(List.of(1L));
        }
    }

    @Test
    void schemasSurviveReopen_onRocksDb() {
        HeliosConfig config = HeliosConfig.persistent(dir.resolve("db"));
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            s.execute("create table old (a int)");
            s.execute("insert into old values (1)");
            s.execute("create schema s");
            s.execute("create table s.t (a int primary key)");
            s.execute("insert into s.t values (5)");
        }
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            assertThat(rows(s, "select a from public.old")).containsExactly(List.of(1));
            assertThat(rows(s, "select a from s.t")).containsExactly(List.of(5));
            assertThat(failure(() -> s.execute("create schema s")).sqlState()).isEqualTo(SqlState.DUPLICATE_SCHEMA);
            s.execute("drop schema s cascade");
        }
        try (HeliosDB db = HeliosDB.open(config); Session s = db.session()) {
            assertThat(failure(() -> s.execute("select * from s.t")).sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE);
            assertThat(rows(s, "select a from old")).containsExactly(List.of(1));
        }
    }
}
