package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psql's backslash commands over user schemas. */
class PsqlSchemasTest {
    private static KernelServer server;

    @BeforeAll
    static void start() throws Exception {
        Psql.assumeInstalled();
        server = KernelServer.startOrSkip();
        run("create schema sales");
        run("create table sales.orders(id int primary key, total numeric)");
        run("create table customers(id int primary key)");
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
    void listSchemas_showsTheUserSchema() throws Exception {
        assertThat(run("\\dn")).contains("sales|postgres", "public|");
    }

    @Test
    void listTablesOfSchema_showsOnlyItsTables() throws Exception {
        String out = run("\\dt sales.*");
        assertThat(out.strip()).isEqualTo("sales|orders|table|postgres");
        assertThat(run("\\dt")).contains("public|customers|table|postgres").doesNotContain("orders");
    }
}
