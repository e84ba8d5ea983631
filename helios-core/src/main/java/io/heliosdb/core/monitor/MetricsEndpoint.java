package io.heliosdb.core.monitor;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP endpoint of {@code [server] metrics_port}: {@code GET /metrics} (Prometheus text format)
 * and {@code GET /health} ({@code 200 ok}), on the JDK's built-in HTTP server with two daemon threads.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code host:port} (port 0: the OS chooses) and starts serving {@code source}. */
    public static MetricsEndpoint start(String host, int port, StatsSource source) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            // No cause attached: callers that translate a server-port BindException must not mistake this one for it.
            throw new HeliosException(SqlState.IO_ERROR, "could not open the metrics endpoint on " + host + ":" + port
                    + ": " + e.getMessage() + " (choose another [server] metrics_port)");
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "helios-metrics-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> respond(exchange, 200, PrometheusFormat.CONTENT_TYPE,
                () -> PrometheusFormat.render(KernelStats.facts(source), KernelStats.collect(source))));
        server.createContext("/health", exchange -> respond(exchange, 200, "text/plain; charset=utf-8", () -> "ok\n"));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
                () -> "not found: try /metrics or /health\n"));
        server.start();
        return new MetricsEndpoint(server, executor);
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private interface Body {
        String get();
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Body body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes;
            int code = status;
            try {
                bytes = body.get().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                bytes = ("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                code = 500;
                contentType = "text/plain; charset=utf-8";
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(code, -1);
                return;
            }
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops accepting, then ends the handler threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
