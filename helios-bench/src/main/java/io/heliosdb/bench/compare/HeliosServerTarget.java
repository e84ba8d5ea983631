package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.sql.DriverManager;

/**
 * HeliosDB Server reached through pgJDBC on loopback. The server runs inside the benchmark JVM
 * (one process, as PostgreSQL's clients and backends share one machine), so its heap is counted
 * with the client's.
 *
 * <p>On RocksDB it gets the memory a {@link HeliosHybridTarget} gets: Hybrid keeps the engine's default
 * block cache and adds its row cache, so Server's block cache is that default plus the row cache's
 * budget ({@code cache_provider = "none"} gives {@code cache_size} to the engine instead of a cache layer). The
 * zipfian workload runs it within {@link ZipfMemory}'s budget instead: a block cache of a tenth of the data.
 */
record HeliosServerTarget(String id, String engine) implements Target, ZipfMemory.Budgeted {
    /** RocksDB's block cache when {@code cache_size} is 0, as Hybrid runs it (RocksTuning.DEFAULT_BLOCK_CACHE). */
    static final long ENGINE_DEFAULT_CACHE = 64L * 1024 * 1024;

    /** Server's block cache: the memory Hybrid holds in its engine cache and row cache together. */
    static long blockCacheBytes() {
        return ENGINE_DEFAULT_CACHE + HeliosHybridTarget.cacheBytes();
    }

    @Override
    public String description() {
        return "HeliosDB Server via pgJDBC (" + PgJdbc.PROPERTIES_NOTE + "), "
                + (engine.equals("memory") ? "in memory" : "persistent on " + engine
                + (engine.equals("rocksdb") ? ", block cache of Hybrid's memory (64 MB + its row cache); "
                + "zipf-point-select: a block cache of the budget of ZipfMemory" : ""));
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
        return open(directory, blockCacheBytes(), false);
    }

    @Override
    public Instance openWithin(Path directory, long budgetBytes) {
        return open(directory, budgetBytes, ZipfMemory.directReads());
    }

    private Instance open(Path directory, long blockCacheBytes, boolean directReads) {
        HeliosConfig config = HeliosEmbeddedTarget.config(engine, directory);
        config = config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"));
        if (engine.equals("rocksdb")) {
            config = config.withStorage(config.storage().withCacheSizeBytes(blockCacheBytes).withCacheProvider("none")
                    .withDirectReads(directReads));
        }
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
            public long[] memoryHitsAndMisses() throws Exception {
                try (var c = DriverManager.getConnection(url, PgJdbc.properties("postgres"))) {
                    return MemoryReads.blockCache(c);
                }
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }
}
