package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real {@code psql} against {@code start --memory}, as a new user tries it; and the embedded
 * shell's output checked against psql's for the same statements. Skipped where psql is not installed.
 */
class PsqlClientTest {
    private static final String SCRIPT = "create table t(id int primary key, name text, score numeric(5,2));\n"
            + "insert into t values (1,'a', 1.5),(2,'bb', null),(10,'multi\nline', -20);\n"
            + "select * from t order by id;\n"
            + "select count(*) as n, max(name) from t where id > 100;\n"
            + "update t set name = 'c' where id = 2;\n"
            + "select 1+1;\n";

    private RunningServer server;

    @BeforeEach
    void startServer() {
        assumeTrue(findPsql() != null, "psql is not installed");
        server = RunningServer.start(new ConfigResolver(null, null, true, 0, "127.0.0.1").resolve(java.util.Map.of()),
                new PrintWriter(new StringWriter()));
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private static Path findPsql() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "psql");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private String psql(String... extra) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(findPsql().toString(), "-X", "-h", "127.0.0.1",
                "-p", String.valueOf(server.port()), "-U", "postgres", "-d", "postgres"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        pb.environment().remove("PGPASSWORD");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void psql_createInsertSelect_printsBothRows() throws Exception {
        String out = psql("-c", "create table t(id int primary key, name text); insert into t values (1,'a'),(2,'b');"
                + " select * from t order by id");
        assertThat(out).contains(" id | name \n----+------\n  1 | a\n  2 | b\n(2 rows)\n");
    }

    @Test
    void shellOutput_isTheSameAsPsqlOutput() throws Exception {
        Path script = Files.createTempFile("heliosdb-psql", ".sql");
        try {
            Files.writeString(script, SCRIPT);
            String fromPsql = psql("-f", script.toString());
            CliRun shell = CliRun.run(SCRIPT, "shell", "--memory");
            assertThat(shell.err()).isEmpty();
            assertThat(shell.out()).isEqualTo(fromPsql);
        } finally {
            Files.delete(script);
        }
    }
}
