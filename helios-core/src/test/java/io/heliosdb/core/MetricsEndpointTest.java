package io.heliosdb.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsAndHealth_areServedUntilClose() throws Exception {
        int port;
        try (KernelDatabase db = KernelMonitoringTest.open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false)) {
            port = db.startMetrics("127.0.0.1", 0).address().getPort();
            try (Session s = db.session()) {
                s.execute("create table t (id int primary key)");
                s.execute("insert into t values (1)");
                s.execute("select * from t").close();
            }
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body().strip()).isEqualTo("ok");

            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            String body = metrics.body();
            assertThat(body).contains("# TYPE heliosdb_query_latency_seconds summary\n")
                    .contains("heliosdb_query_latency_seconds{quantile=\"0.99\"} ")
                    .contains("heliosdb_query_latency_seconds_count ")
                    .contains("# HELP heliosdb_cache_hits_total ").contains("heliosdb_cache_hits_total 0\n")
                    .contains("heliosdb_rows_written_total 1\n")
                    .contains("heliosdb_info{mode=\"Memory-only\",storage_engine=\"memory\",cache_provider=\"none\"} 1");
            // Exactly one TYPE line per family, and every sample line is "name[{labels}] number".
            assertThat(body.lines().filter(l -> l.startsWith("# TYPE heliosdb_query_latency_seconds ")).count())
                    .isEqualTo(1);
            assertThat(body.lines().filter(l -> !l.startsWith("#")))
                    .allMatch(l -> l.matches("[a-z_][a-z0-9_]*(\\{[^}]*\\})? [-+0-9.EeInfNa]+"));

            assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
        int closedPort = port;
        assertThatThrownBy(() -> get(closedPort, "/health")).isInstanceOf(IOException.class);
    }

    @Test
    void start_portTaken_isAClearIoError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             KernelDatabase db = KernelMonitoringTest.open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false)) {
            assertThatThrownBy(() -> db.startMetrics("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOfSatisfying(io.heliosdb.api.HeliosException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(io.heliosdb.api.SqlState.IO_ERROR))
                    .hasMessageContaining("metrics endpoint on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
