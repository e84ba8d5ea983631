package io.heliosdb.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * PostgreSQL 15 on loopback, started once by the harness ({@link PostgresCluster}); each run gets
 * a freshly created database, dropped afterwards. Its data sets ({@link DataSets}) are template
 * databases: the run's directory then names the template, and {@code CREATE DATABASE ... TEMPLATE}
 * copies its files, PostgreSQL's own way of starting a database from a copy.
 */
record PostgresTarget(int port) implements Target {
    /** In a run's directory: the template database to copy (a data set was copied for the run). */
    static final String TEMPLATE_FILE = "postgres-template";
    /** In a run's directory: build a data set, keep the database under this name (it becomes the template). */
    static final String KEEP_FILE = "postgres-keep";

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
    public String dataSetKey() {
        return "postgres";
    }

    @Override
    public Instance open(Path directory) throws Exception {
        Path keep = directory.resolve(KEEP_FILE);
        Path template = directory.resolve(TEMPLATE_FILE);
        boolean building = Files.exists(keep);
        String database = building ? Files.readString(keep).strip() : "bench_" + ProcessHandle.current().pid();
        String from = Files.exists(template) ? " TEMPLATE " + Files.readString(template).strip() : "";
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, PgJdbc.properties(PostgresCluster.USER));
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + from);
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
                if (building) {
                    Files.writeString(template, database);
                    Files.delete(keep);
                    return;
                }
                try (Connection c = DriverManager.getConnection(admin, PgJdbc.properties(PostgresCluster.USER));
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            }
        };
    }
}
