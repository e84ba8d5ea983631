package io.heliosdb.wire.perf;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.ServerConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Measures a prepared point select through pgJDBC against the in-memory kernel: the wire's share of
 * a round trip. Not a test (timings on a shared machine are noise for assertions): run it by hand,
 * e.g. {@code java -cp <test classpath> io.heliosdb.wire.perf.PointSelectLatency [executions] [rounds]}.
 */
public final class PointSelectLatency {
    private static final int ROWS = 1000;

    private PointSelectLatency() {
    }

    public static void main(String[] args) throws SQLException {
        int executions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        HeliosConfig config = HeliosConfig.memory().withServer(ServerConfig.defaults().withPort(0));
        try (HeliosDB db = HeliosDB.serve(config)) {
            int port = db.transports().stream().filter(t -> t.name().equals("postgres")).findFirst()
                    .orElseThrow().port();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            try (Connection c = DriverManager.getConnection(url)) {
                load(c);
                try (PreparedStatement select = c.prepareStatement("select v from kv where k = ?")) {
                    run(select, executions);   // warm-up: JIT, plan cache, named server statement
                    for (int r = 1; r <= rounds; r++) {
                        long[] samples = run(select, executions);
                        Arrays.sort(samples);
                        System.out.printf("round %d: median %.1f us, p99 %.1f us (%d executions)%n", r,
                                samples[samples.length / 2] / 1000.0, samples[(int) (samples.length * 0.99)] / 1000.0,
                                samples.length);
                    }
                }
            }
        }
    }

    private static void load(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table kv (k int primary key, v text)");
            StringBuilder insert = new StringBuilder("insert into kv values (0, 'value 0')");
            for (int i = 1; i < ROWS; i++) {
                insert.append(", (").append(i).append(", 'value ").append(i).append("')");
            }
            s.execute(insert.toString());
        }
    }

    private static long[] run(PreparedStatement select, int executions) throws SQLException {
        long[] samples = new long[executions];
        for (int i = 0; i < executions; i++) {
            long start = System.nanoTime();
            select.setInt(1, i % ROWS);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    throw new IllegalStateException("row " + (i % ROWS) + " missing");
                }
            }
            samples[i] = System.nanoTime() - start;
        }
        return samples;
    }
}
