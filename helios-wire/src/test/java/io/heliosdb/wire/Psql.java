package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code psql} (libpq) for tests; skips the test when psql is not installed. */
final class Psql {
    static final Path PSQL = Path.of("/usr/bin/psql");

    /** Exit code and the merged standard output and error. */
    record Outcome(int exitCode, String output) {
    }

    private Psql() {
    }

    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed");
    }

    /**
     * Runs {@code psql -c sql} against {@code conninfo} (e.g. "host=127.0.0.1 port=5 user=u
     * sslmode=require"), unaligned and tuples-only, with extra environment variables such as PGPASSWORD.
     */
    static Outcome run(String conninfo, Map<String, String> env, String sql) throws IOException, InterruptedException {
        return run(conninfo, env, sql, true);
    }

    /** As {@link #run}, but with the titles, headers and footers (\d's "Indexes:" ...) when not {@code tuplesOnly}. */
    static Outcome run(String conninfo, Map<String, String> env, String sql, boolean tuplesOnly)
            throws IOException, InterruptedException {
        assumeInstalled();
        List<String> command = new ArrayList<>(List.of(PSQL.toString(), "-X", "-A", "-w", "-v",
                "ON_ERROR_STOP=1", "-c", sql, conninfo + " dbname=postgres connect_timeout=10"));
        if (tuplesOnly) {
            command.add(3, "-t");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("psql finished in time").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Runs {@code sql} as user postgres on the server at {@code port}, as {@link #run} does, and returns
     * its output after checking that psql succeeded and printed no ERROR.
     */
    static String succeeding(int port, String sql, boolean tuplesOnly) throws IOException, InterruptedException {
        Outcome outcome = run(conninfo(port, "postgres"), Map.of(), sql, tuplesOnly);
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).doesNotContain("ERROR");
        return outcome.output();
    }

    static String conninfo(int port, String user) {
        return "host=127.0.0.1 port=" + port + " user=" + user;
    }
}
