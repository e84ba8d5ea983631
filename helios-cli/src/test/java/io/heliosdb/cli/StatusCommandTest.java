package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.HeliosConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} against an in-process server on an OS-chosen port, and against nothing. */
class StatusCommandTest {
    @TempDir
    Path tmp;

    @Test
    void status_runningServer_printsModeConnectionsAndLatency() throws Exception {
        HeliosConfig config = HeliosConfig.memory().withServer(HeliosConfig.memory().server().withPort(0));
        RunningServer server = RunningServer.start(config, new PrintWriter(new StringWriter()));
        try {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/postgres?user=postgres"); Statement s = c.createStatement()) {
                s.execute("create table t (id int primary key)");
                s.execute("insert into t values (1), (2)");
                CliRun run = CliRun.run("", "status", "--port", String.valueOf(server.port()));
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).startsWith("HeliosDB Lite at 127.0.0.1:" + server.port() + "\n")
                        .contains("Mode:          Server\n")
                        .contains("Storage:       memory\n")
                        // this test's connection and status's own
                        .contains("Connections:   2 of 100 (2 sessions)\n")
                        .contains("Cache:         none (engine cache only)\n")
                        .containsPattern("Query latency: p50 \\d+\\.\\d\\d ms, p95 \\d+\\.\\d\\d ms, p99 \\d+\\.\\d\\d ms "
                                + "\\(\\d+ statements\\)\n")
                        .contains("Rows:          read ")
                        .containsPattern("Memory:        heap \\S+");
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void status_nothingListening_exits1WithAClearMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        CliRun run = CliRun.run("", "status", "--host", "127.0.0.1", "--port", String.valueOf(port));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("heliosdb-lite: no HeliosDB Lite server answers at 127.0.0.1:" + port
                + " (is it running? choose it with --host and --port)" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }
}
