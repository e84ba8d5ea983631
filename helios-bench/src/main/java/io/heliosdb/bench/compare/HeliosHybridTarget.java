package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayerProvider;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ServiceLoader;

/**
 * HeliosDB Hybrid (Server on RocksDB plus the {@code provider} cache layer) through pgJDBC, its cache
 * sized to a tenth of the items table, so the zipfian workload reads data 10× the cache. The hit
 * rate reported is {@code helios_cache_stats}' hits and misses over the workload's measured period (see RunOne).
 * The zipfian workload runs it within {@link ZipfMemory}'s budget instead: row cache and block cache together a tenth
 * of the data, as Server's block cache.
 */
record HeliosHybridTarget(String id, String provider) implements Target, ZipfMemory.Budgeted {
    /**
     * The budget per row of the table, times ten: what one items row (12-byte key, 31-byte stored version) takes
     * in the caffeine layer, which weighs an entry by the heap it really holds (192 B in
     * helios_cache_stats.bytes_used; the heap agrees within 2%, see CacheFootprintTest). So "a cache of a tenth of
     * the data" means: the memory caffeine needs to hold a tenth of the rows (19.2 MB for 1M rows). It is a fixed
     * number of bytes, the same for every layer: compact (~41 B a row) and chronicle (75 B) hold more rows in it.
     * Measured against the table as stored, it is generous: PostgreSQL 15 keeps this table in about 60 B a row
     * (pg_relation_size), so the budget is about a third of PostgreSQL's heap size, not a tenth.
     */
    static final long ROW_BYTES = 192;
    /** The Hybrid target on the default cache layer: the one the goals and pgbench measure. */
    static final String DEFAULT_ID = "helios-hybrid-" + StorageConfig.DEFAULT_CACHE_PROVIDER;
    /** RunOne sets this to the run's table size before opening the target. */
    static final String ROWS_PROPERTY = "helios.bench.rows";

    static long cacheBytes() {
        long rows = Long.getLong(ROWS_PROPERTY, Scale.quick().rows());
        return Math.max(64 * 1024, rows * ROW_BYTES / 10);
    }

    @Override
    public String description() {
        return "HeliosDB Hybrid via pgJDBC (" + PgJdbc.PROPERTIES_NOTE + "), RocksDB + " + provider
                + " cache of a tenth of the table read (items; pgbench_accounts for pgbench); zipf-point-select: the"
                + " row cache and a small block cache within the budget of ZipfMemory";
    }

    @Override
    public String notApplicable(Workload workload) {
        if (workload.kind() == Workload.Kind.PGBENCH) {
            // Each pgbench run loads its own tables: Hybrid runs it on its default layer only, to bound the time.
            if (!provider.equals(StorageConfig.DEFAULT_CACHE_PROVIDER)) {
                return "pgbench runs Hybrid on its default cache layer (" + StorageConfig.DEFAULT_CACHE_PROVIDER + ")";
            }
            if (PgbenchBinary.missing() != null) {
                return PgbenchBinary.missing();
            }
        }
        boolean installed = ServiceLoader.load(CacheLayerProvider.class).stream()
                .anyMatch(p -> p.get().name().equals(provider));
        return installed ? null : "cache provider '" + provider + "' not on the class path";
    }

    /** RocksDB's files; the cache starts empty in every run. */
    @Override
    public String dataSetKey() {
        return "helios-rocksdb";
    }

    /** The usual set-up: the row cache of {@link #cacheBytes()}, RocksDB's default block cache next to it. */
    @Override
    public Instance open(Path directory) {
        return open(directory, cacheBytes(), 0, false);
    }

    @Override
    public Instance openWithin(Path directory, long budgetBytes) {
        return open(directory, ZipfMemory.hybridRowCacheBytes(budgetBytes),
                ZipfMemory.hybridEngineCacheBytes(budgetBytes), ZipfMemory.directReads());
    }

    /** {@code engineCacheBytes} 0: RocksDB's default block cache. */
    private Instance open(Path directory, long rowCacheBytes, long engineCacheBytes, boolean directReads) {
        HeliosConfig config = HeliosEmbeddedTarget.config("rocksdb", directory);
        config = config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"))
                .withStorage(config.storage().withCacheSizeBytes(rowCacheBytes).withCacheProvider(provider)
                        .withEngineCacheBytes(engineCacheBytes).withDirectReads(directReads));
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
            public double cacheHitRate() throws Exception {
                try (var c = DriverManager.getConnection(url, PgJdbc.properties("postgres"));
                     var r = c.createStatement().executeQuery("SELECT hit_rate FROM helios_cache_stats")) {
                    return r.next() ? r.getDouble(1) : Double.NaN;
                }
            }

            @Override
            public long[] cacheHitsAndMisses() throws Exception {
                try (var c = DriverManager.getConnection(url, PgJdbc.properties("postgres"));
                     var r = c.createStatement().executeQuery("SELECT hits, misses FROM helios_cache_stats")) {
                    return r.next() ? new long[] {r.getLong(1), r.getLong(2)} : null;
                }
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }
}
