package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psql's backslash commands, which read pg_catalog with the queries psql 15 sends (captured with psql -E). */
class PsqlCatalogTest {
    private static KernelServer server;

    @BeforeAll
    static void start() throws Exception {
        Psql.assumeInstalled();
        server = KernelServer.startOrSkip();
        run("create table items(id int primary key, name varchar(20) not null default 'x', price numeric(10,2))");
        run("create unique index items_name on items(name)");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String run(String command) throws Exception {
        Psql.Outcome outcome = Psql.run(Psql.conninfo(server.transport.port(), "postgres"), Map.of(), command);
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).doesNotContain("ERROR");
        return outcome.output();
    }

    @Test
    void describe_listsTheTable() throws Exception {
        assertThat(run("\\d")).contains("public|items|table|postgres");
    }

    @Test
    void describeTables_listsOnlyTables() throws Exception {
        assertThat(run("\\dt").strip()).isEqualTo("public|items|table|postgres");
    }

    @Test
    void describeIndexes_listsThePrimaryKeyAndTheIndex() throws Exception {
        assertThat(run("\\di")).contains("public|items_name|index|postgres|items", "public|items_pkey|index|postgres|items");
    }

    @Test
    void describeSchemas_listsPublic() throws Exception {
        assertThat(run("\\dn").strip()).isEqualTo("public|postgres");
    }

    @Test
    void listDatabases_showsTheDatabase() throws Exception {
        assertThat(run("\\l")).contains("heliosdb|postgres|UTF8|C.UTF-8|C.UTF-8");
    }

    @Test
    void conninfo_printsTheConnection() throws Exception {
        assertThat(run("\\conninfo")).contains("as user \"postgres\"");
    }

    @Test
    void catalogFunctions_answerAsPostgresDoes() throws Exception {
        assertThat(run("select pg_catalog.format_type(1043, 24), current_user, current_database(), "
                + "'items'::regclass = (select oid from pg_class where relname = 'items'), "
                + "pg_get_indexdef('items_name'::regclass), "
                + "(select pg_get_constraintdef(oid) from pg_constraint where conname = 'items_pkey')").strip())
                .isEqualTo("character varying(20)|postgres|heliosdb|t|"
                        + "CREATE UNIQUE INDEX items_name ON public.items USING btree (name)|PRIMARY KEY (id)");
    }
}
