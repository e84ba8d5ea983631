package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psql's backslash commands over views and comments. */
class PsqlViewsTest {
    private static KernelServer server;

    @BeforeAll
    static void start() throws Exception {
        Psql.assumeInstalled();
        server = KernelServer.startOrSkip();
        run("create table items(id int primary key, name text)");
        run("create view cheap as select id, name from items where id < 10");
        run("comment on table items is 'all the items'");
        run("comment on column items.name is 'what it is called'");
        run("comment on view cheap is 'the first few'");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String run(String command) throws Exception {
        return Psql.succeeding(server.transport.port(), command, true);
    }

    @Test
    void describeViews_listsTheView() throws Exception {
        assertThat(run("\\dv").strip()).isEqualTo("public|cheap|view|postgres");
    }

    @Test
    void describe_listsTablesAndViews() throws Exception {
        assertThat(run("\\d")).contains("public|items|table|postgres", "public|cheap|view|postgres");
    }

    @Test
    void describeView_showsColumns() throws Exception {
        assertThat(run("\\d cheap")).contains("id|integer", "name|text");
    }

    @Test
    void viewDefinitionAndComments_asPsqlReadsThem() throws Exception {
        assertThat(run("select pg_catalog.pg_get_viewdef('cheap'::pg_catalog.regclass, true)").strip())
                .isEqualTo("select id, name from items where id < 10;");
        assertThat(run("select c.relname, pg_catalog.obj_description(c.oid, 'pg_class') from pg_catalog.pg_class c"
                + " where c.relkind in ('r', 'v') and c.relnamespace = 2200 order by 1").strip())
                .isEqualTo("cheap|the first few\nitems|all the items");
        assertThat(run("select pg_catalog.col_description(a.attrelid, a.attnum) from pg_catalog.pg_attribute a"
                + " where a.attrelid = 'items'::regclass and a.attname = 'name'").strip())
                .isEqualTo("what it is called");
    }
}
