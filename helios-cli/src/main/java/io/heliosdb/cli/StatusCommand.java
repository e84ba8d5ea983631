package io.heliosdb.cli;

import io.heliosdb.core.config.ByteSize;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code heliosdb-lite status}: asks a running server for its mode, connections, cache hit rate and
 * latency percentiles over the PostgreSQL protocol (pgJDBC), from {@code helios_stats} and
 * {@code helios_cache_stats}. Exit 1 when no server answers.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Show the mode, connections, cache hit rate and query latency of a running server.")
final class StatusCommand implements Callable<Integer> {
    /** PostgreSQL's "connection does not exist / could not connect" class. */
    private static final String CONNECTION_FAILURE_CLASS = "08";

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "Server host (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5432", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", paramLabel = "U", defaultValue = "postgres", description = "User name (default: ${DEFAULT-VALUE}); the password is read from PGPASSWORD.")
    String user;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        Properties props = new Properties();
        props.setProperty("user", user);
        String password = main.environment().get("PGPASSWORD");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "30");
        props.setProperty("ApplicationName", "heliosdb-lite status");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + where + "/postgres", props)) {
            print(out, where, stats(c), cache(c));
            out.flush();
            return 0;
        } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith(CONNECTION_FAILURE_CLASS)) {
                err.println("heliosdb-lite: no HeliosDB Lite server answers at " + where
                        + " (is it running? choose it with --host and --port)");
            } else if (state == null && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
                err.println("heliosdb-lite: the PostgreSQL JDBC driver is not on the module path");
            } else {
                err.println("heliosdb-lite: the server at " + where + " answered with an error: " + e.getMessage());
            }
            err.flush();
            return 1;
        }
    }

    private static Map<String, String> stats(Connection c) throws SQLException {
        Map<String, String> stats = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name, value from helios_stats")) {
            while (rs.next()) {
                stats.put(rs.getString(1), rs.getString(2));
            }
        }
        return stats;
    }

    /** The helios_cache_stats row, or null when the server has no cache layer. */
    private static Map<String, Object> cache(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select provider, hits, misses, hit_rate, evictions, bytes_used, capacity_bytes from helios_cache_stats")) {
            if (!rs.next()) {
                return null;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("provider", rs.getString(1));
            row.put("hits", rs.getLong(2));
            row.put("misses", rs.getLong(3));
            row.put("hit_rate", rs.getDouble(4));
            row.put("evictions", rs.getLong(5));
            row.put("bytes_used", rs.getLong(6));
            row.put("capacity_bytes", rs.getLong(7));
            return row;
        }
    }

    private static void print(PrintWriter out, String where, Map<String, String> s, Map<String, Object> cache) {
        out.println("HeliosDB Lite at " + where);
        line(out, "Mode", s.getOrDefault("mode", "?"));
        line(out, "Storage", s.getOrDefault("storage_engine", "?"));
        line(out, "Connections", s.getOrDefault("connections_open", "?") + " of " + s.getOrDefault("max_connections", "?")
                + " (" + s.getOrDefault("sessions_open", "?") + " sessions)");
        if (cache == null) {
            line(out, "Cache", "none (engine cache only)");
        } else {
            line(out, "Cache", String.format(Locale.ROOT, "%s, hit rate %.1f%% (%d hits, %d misses, %d evictions), %s of %s",
                    cache.get("provider"), 100 * (double) cache.get("hit_rate"), cache.get("hits"), cache.get("misses"),
                    cache.get("evictions"), ByteSize.format((long) cache.get("bytes_used")),
                    ByteSize.format((long) cache.get("capacity_bytes"))));
        }
        line(out, "Query latency", String.format(Locale.ROOT, "p50 %s, p95 %s, p99 %s (%s statements)",
                millis(s.get("query_latency_p50_seconds")), millis(s.get("query_latency_p95_seconds")),
                millis(s.get("query_latency_p99_seconds")), s.getOrDefault("queries_total", "?")));
        line(out, "Rows", "read " + s.getOrDefault("rows_read_total", "?") + ", written "
                + s.getOrDefault("rows_written_total", "?"));
        line(out, "Memory", "heap " + bytes(s.get("memory_heap_used_bytes")) + ", off-heap direct "
                + bytes(s.get("memory_direct_bytes")) + ", mapped " + bytes(s.get("memory_mapped_bytes")));
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "%-15s%s%n", label + ":", value);
    }

    private static String millis(String seconds) {
        if (seconds == null) {
            return "?";
        }
        return String.format(Locale.ROOT, "%.2f ms", Double.parseDouble(seconds) * 1000);
    }

    private static String bytes(String value) {
        return value == null ? "?" : ByteSize.format((long) Double.parseDouble(value));
    }
}
