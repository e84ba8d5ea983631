package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node-postgres and psycopg2 against the kernel. The clients are installed by .ci/run (npm into
 * target/node, Debian's python3-psycopg2); each test is skipped when its client is missing.
 */
class ScriptedClientsTest {
    private static final Path NODE_MODULES = Path.of("target", "node", "node_modules").toAbsolutePath();
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private Path script(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = ScriptedClientsTest.class.getResourceAsStream("/clients/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished in time", command).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            return output.strip();
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean succeeds(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void nodePostgres_parametersErrorRecoveryAndTransactions() throws Exception {
        assumeTrue(Files.isDirectory(NODE_MODULES.resolve("pg")), "npm package pg not installed in " + NODE_MODULES);
        assumeTrue(succeeds("node", "--version"), "node is not installed");
        try (KernelServer server = KernelServer.startOrSkip()) {
            String output = run(List.of("node", script("node-postgres-client.js").toString(),
                    Integer.toString(server.transport.port())), Map.of("NODE_PATH", NODE_MODULES.toString()));
            assertThat(output.lines().reduce((a, b) -> b).orElse("")).isEqualTo("[\"inserted 2\",\"byId pear 5\","
                    + "\"error 42P01\",\"after 1,2\",\"execute error 22012\",\"named 2\",\"bind error 22P02\","
                    + "\"named again 1,2\",\"in block 23505\",\"then 25P02\",\"final 1:3\"]");
        }
    }

    @Test
    void psycopg2_queriesAndTransactions() throws Exception {
        assumeTrue(Files.isExecutable(SYSTEM_PYTHON) && succeeds(SYSTEM_PYTHON.toString(), "-c", "import psycopg2"),
                "python3-psycopg2 is not installed");
        try (KernelServer server = KernelServer.startOrSkip()) {
            String output = run(List.of(SYSTEM_PYTHON.toString(), script("psycopg2-client.py").toString(),
                    Integer.toString(server.transport.port())), Map.of());
            assertThat(output.lines().reduce((a, b) -> b).orElse("")).isEqualTo("[\"quoted it's\", "
                    + "\"after rollback one\", \"error 42P01\", \"deleted 1\", \"ids 1,3\", "
                    + "\"application_name psycopg2-test\"]");
        }
    }
}
