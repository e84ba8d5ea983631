package io.heliosdb.bench.compare;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * PostgreSQL 15 on loopback, started once by the harness ({@link PostgresCluster}); each run gets
 * a freshly created database, dropped afterwards.
 */
record PostgresTarget(int port) implements Target {

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL 15 on loopback via pgJDBC (" + PgJdbc.PROPERTIES_NOTE
                + "), fsync=on, synchronous_commit=on";
    }

    @Override
    public String notApplicable(Workload workload) {
        if (port <= 0) {
            return "PostgreSQL not running";
        }
        return workload.kind() == Workload.Kind.PGBENCH ? PgbenchBinary.missing() : null;
    }

    @Override
    public Instance open(Path directory) throws Exception {
        String database = "bench_" + ProcessHandle.current().pid();
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, PgJdbc.properties(PostgresCluster.USER));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        return new Instance() {
            @Override
            public DbClient connect() throws Exception {
                return new JdbcClient(DriverManager.getConnection(url, PgJdbc.properties(PostgresCluster.USER)));
            }

            @Override
            public PgEndpoint pgEndpoint() {
                return new PgEndpoint(port, database, PostgresCluster.USER);
            }

            @Override
            public void close() throws Exception {
                try (Connection c = DriverManager.getConnection(admin, PgJdbc.properties(PostgresCluster.USER));
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        };
    }
}
