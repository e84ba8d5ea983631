package io.heliosdb.bench.compare;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An embedded peer reached by a JDBC URL (H2, SQLite, DuckDB). The URL is computed from the run's
 * directory; {@code sessionSettings} run on every new connection.
 */
record JdbcTarget(String id, String description, Function<Path, String> url, List<String> sessionSettings,
                  Set<Workload.Kind> kinds, String whyNot) implements Target {

    @Override
    public String notApplicable(Workload workload) {
        if (workload.kind() == Workload.Kind.PGBENCH) {
            return PgbenchScript.NEEDS_WIRE;
        }
        return kinds.contains(workload.kind()) ? null : whyNot;
    }

    /** The durable peers keep their database in the run's directory (H2 and SQLite files). */
    @Override
    public String dataSetKey() {
        return kinds.contains(Workload.Kind.DURABLE) ? id : null;
    }

    @Override
    public Instance open(Path directory) throws Exception {
        String jdbcUrl = url.apply(directory);
        // Held open so an in-memory database lives as long as the run.
        Connection keeper = connect(jdbcUrl);
        return new Instance() {
            @Override
            public DbClient connect() throws Exception {
                return new JdbcClient(JdbcTarget.this.connect(jdbcUrl));
            }

            @Override
            public void close() throws Exception {
                // H2 keeps a named in-memory database (DB_CLOSE_DELAY=-1) for the JVM's life; the next workload of
                // the same JVM must start on an empty one (RunPlan's writes), and its rows must not stay on the heap.
                if (jdbcUrl.startsWith("jdbc:h2:mem:")) {
                    try (Statement s = keeper.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                }
                keeper.close();
            }
        };
    }

    private Connection connect(String jdbcUrl) throws Exception {
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement s = c.createStatement()) {
            for (String setting : sessionSettings) {
                s.execute(setting);
            }
        }
        return c;
    }
}
