package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.HeliosConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code start} in process: its options resolve to the configuration, the server serves pgJDBC on
 * an OS-chosen port, and {@link RunningServer#stop()} (what the shutdown hook calls) closes it.
 */
class StartCommandTest {

    @TempDir
    Path tmp;

    private static HeliosConfig configOf(String... args) {
        Main main = new Main(System.in, false, Map.of());
        CommandLine cl = main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return ((StartCommand) parsed.subcommand().commandSpec().userObject()).resolveConfig();
    }

    private static String url(RunningServer server) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres?user=postgres";
    }

    @Test
    void options_resolveToServerConfig() {
        HeliosConfig c = configOf("start", "--memory", "--port", "0", "--listen", "127.0.0.1");
        assertThat(c.storage().memoryOnly()).isTrue();
        assertThat(c.server().port()).isZero();
        HeliosConfig d = configOf("start");
        assertThat(d.server().port()).isEqualTo(5432);
        assertThat(d.server().listenAddr()).isEqualTo("127.0.0.1");
        assertThat(d.storage().path()).isEqualTo(Path.of("heliosdb-data"));
    }

    @Test
    void startMemoryOnPort0_servesJdbc_andStopsCleanly() throws Exception {
        StringWriter log = new StringWriter();
        RunningServer server = RunningServer.start(configOf("start", "--memory", "--port", "0"), new PrintWriter(log));
        int port = server.port();
        try {
            assertThat(port).isPositive();
            try (Connection c = DriverManager.getConnection(url(server)); Statement s = c.createStatement()) {
                s.execute("create table t(id int primary key, name text)");
                s.execute("insert into t values (1,'a'),(2,'b')");
                try (ResultSet rs = s.executeQuery("select name from t order by id")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("a");
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("b");
                    assertThat(rs.next()).isFalse();
                }
            }
        } finally {
            server.stop();
        }
        server.awaitStop();
        assertThat(log.toString()).contains("[INFO] HeliosDB Lite stopped");
        // The port is free again: nothing is left listening.
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(probe.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void startData_dataSurvivesStopAndStart() throws Exception {
        String dir = tmp.resolve("db").toString();
        RunningServer first = RunningServer.start(configOf("start", "--data", dir, "--port", "0"),
                new PrintWriter(new StringWriter()));
        try (Connection c = DriverManager.getConnection(url(first)); Statement s = c.createStatement()) {
            s.execute("create table kept(id int primary key, note text)");
            s.execute("insert into kept values (1, 'still here')");
        } finally {
            first.stop();
        }
        RunningServer second = RunningServer.start(configOf("start", "--data", dir, "--port", "0"),
                new PrintWriter(new StringWriter()));
        try (Connection c = DriverManager.getConnection(url(second)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select note from kept where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
            // No cache_size configured: Server mode, not Hybrid, even with a cache layer on the module path.
            try (ResultSet mode = c.createStatement().executeQuery("show helios.mode")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).isEqualTo("Server");
            }
        } finally {
            second.stop();
        }
    }

    @Test
    void startOnPortInUse_exitsWith1AndSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun run = CliRun.run("", "start", "--memory", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("could not listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void startWithBadConfigFile_exitsWith1NamingLineAndKey() throws Exception {
        Path file = tmp.resolve("heliosdb.toml");
        Files.writeString(file, "[server]\nport = 5432\nprot = 1\n");
        CliRun run = CliRun.run("", "start", "--memory", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(file + ":3").contains("prot").doesNotContain("\tat ");
    }
}
