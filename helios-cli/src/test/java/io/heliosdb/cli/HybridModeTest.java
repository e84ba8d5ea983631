package io.heliosdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid mode end to end: {@code start --config} naming a cache size and a metrics port, a skewed
 * point-read workload through pgJDBC, a hit rate above zero in {@code helios_cache_stats}, the same
 * numbers scraped from {@code /metrics}, and {@code status} reporting them.
 */
class HybridModeTest {
    private static final Pattern METRICS = Pattern.compile("\\[INFO] Metrics listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path tmp;

    @AfterEach
    void restoreLogging() throws Exception {
        java.util.logging.LogManager.getLogManager().readConfiguration();
    }

    @Test
    void hybrid_skewedReads_hitTheCache_andMetricsShowIt() throws Exception {
        Path config = tmp.resolve("heliosdb.toml");
        Files.writeString(config, """
                [storage]
                path = "data"
                cache_size = "8 MB"

                [server]
                port = 0
                metrics_port = 0
                """);
        StringWriter log = new StringWriter();
        ConsoleLogging.install(Level.INFO, new PrintWriter(log, true), new PrintWriter(new StringWriter(), true));
        Main main = new Main(System.in, false, java.util.Map.of());
        var parsed = main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parseArgs("start", "--config", config.toString());
        RunningServer server = RunningServer.start(((StartCommand) parsed.subcommand().commandSpec().userObject())
                .resolveConfig(), new PrintWriter(new StringWriter()));
        try {
            assertThat(log.toString()).contains("[INFO] Starting HeliosDB Lite in Hybrid Mode", "[INFO] Cache size: 8 MB",
                    "[INFO] Persistent storage: " + tmp.resolve("data").toAbsolutePath().normalize());
            Matcher m = METRICS.matcher(log.toString());
            assertThat(m.find()).as(log.toString()).isTrue();
            int metricsPort = Integer.parseInt(m.group(1));

            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/postgres?user=postgres"); Statement s = c.createStatement()) {
                s.execute("create table item (id int primary key, name text)");
                try (PreparedStatement insert = c.prepareStatement("insert into item values (?, ?)")) {
                    for (int i = 0; i < 500; i++) {
                        insert.setInt(1, i);
                        insert.setString(2, "item " + i);
                        insert.executeUpdate();
                    }
                }
                Random random = new Random(42);
                try (PreparedStatement read = c.prepareStatement("select name from item where id = ?")) {
                    for (int i = 0; i < 2000; i++) {
                        // Skewed: 90% of reads on 20 hot rows.
                        int id = random.nextInt(10) < 9 ? random.nextInt(20) : random.nextInt(500);
                        read.setInt(1, id);
                        try (ResultSet rs = read.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).isEqualTo("item " + id);
                        }
                    }
                }
                try (ResultSet rs = s.executeQuery("select provider, hits, hit_rate from helios_cache_stats")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("compact");
                    assertThat(rs.getLong(2)).isGreaterThan(1000);
                    assertThat(rs.getDouble(3)).isGreaterThan(0.5);
                }
                try (ResultSet rs = s.executeQuery("show helios.mode")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("Hybrid");
                }
            }

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            Matcher hits = Pattern.compile("(?m)^heliosdb_cache_hits_total (\\d+)$").matcher(metrics.body());
            assertThat(hits.find()).as(metrics.body()).isTrue();
            assertThat(Long.parseLong(hits.group(1))).isGreaterThan(1000);
            assertThat(metrics.body()).contains("heliosdb_info{mode=\"Hybrid\",storage_engine=\"rocksdb\","
                    + "cache_provider=\"compact\"} 1").containsPattern("(?m)^heliosdb_query_latency_seconds\\{quantile=\"0.99\"} ");
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + metricsPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            CliRun status = CliRun.run("", "status", "--port", String.valueOf(server.port()));
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("Mode:          Hybrid\n").containsPattern("Cache:         compact, hit rate "
                    + "\\d+\\.\\d% \\(\\d+ hits, \\d+ misses, \\d+ evictions\\), \\S+ \\S+ of 8 MB\n");
        } finally {
            server.stop();
        }
    }
}
