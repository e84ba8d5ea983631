package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * psql reading a script from its standard input, as a user types it: {@code \timing} and an error's caret under the
 * offending token. The expected text is what psql 15 printed against PostgreSQL 15.18 for the same script.
 */
class PsqlScriptTest {

    @Test
    void timingAndErrorCarets_printAsAgainstPostgresql() throws Exception {
        Psql.assumeInstalled();
        try (KernelServer server = KernelServer.startOrSkip()) {
            ProcessBuilder builder = new ProcessBuilder(Psql.PSQL.toString(), "-X",
                    Psql.conninfo(server.transport.port(), "postgres") + " dbname=postgres connect_timeout=10")
                    .redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
            Process psql = builder.start();
            try {
                psql.getOutputStream().write(("create table items (id int);\n\\timing on\nselect 1;\n"
                        + "select nosuchcol from items;\nselect * fro items;\n").getBytes(StandardCharsets.UTF_8));
                psql.getOutputStream().close();
                String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(psql.waitFor(30, TimeUnit.SECONDS)).as("psql finished in time").isTrue();
                assertThat(output.replaceAll("Time: [0-9.]+ ms", "Time: N ms")).isEqualTo("""
                        CREATE TABLE
                        Timing is on.
                         ?column?\s
                        ----------
                                1
                        (1 row)

                        Time: N ms
                        ERROR:  column "nosuchcol" does not exist
                        LINE 1: select nosuchcol from items;
                                       ^
                        Time: N ms
                        ERROR:  syntax error at or near "fro"
                        LINE 1: select * fro items;
                                         ^
                        Time: N ms
                        """);
            } finally {
                psql.destroyForcibly();
            }
        }
    }
}
