package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * HeliosDB Server reached through pgJDBC on loopback. The server runs inside the benchmark JVM
 * (one process, as PostgreSQL's clients and backends share one machine), so its heap is counted
 * with the client's.
 */
record HeliosServerTarget(String id, String engine) implements Target {

    @Override
    public String description() {
        return "HeliosDB Server via pgJDBC (" + PgJdbc.PROPERTIES_NOTE + "), "
                + (engine.equals("memory") ? "in memory" : "persistent on " + engine);
    }

    @Override
    public String notApplicable(Workload workload) {
        boolean durable = workload.kind() == Workload.Kind.DURABLE || workload.kind() == Workload.Kind.PGBENCH;
        if (durable && engine.equals("memory")) {
            return "not durable";
        }
        if (workload.kind() == Workload.Kind.PGBENCH && PgbenchBinary.missing() != null) {
            return PgbenchBinary.missing();
        }
        return HeliosEmbeddedTarget.engineAvailable(engine) ? null : "storage engine '" + engine + "' not on the class path";
    }

    /** The server keeps the embedded engine's files: it shares helios-rocks's data sets. */
    @Override
    public String dataSetKey() {
        return engine.equals("memory") ? null : "helios-" + engine;
    }

    @Override
    public Instance open(Path directory) {
        HeliosConfig config = HeliosEmbeddedTarget.config(engine, directory);
        config = config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"));
        HeliosDB db = HeliosDB.serve(config);
        int port = db.transports().get(0).port();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        return new Instance() {
            @Override
            public DbClient connect() throws Exception {
                return new JdbcClient(DriverManager.getConnection(url, PgJdbc.properties("postgres")));
            }

            @Override
            public PgEndpoint pgEndpoint() {
                return new PgEndpoint(port, "postgres", "postgres");
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }
}
