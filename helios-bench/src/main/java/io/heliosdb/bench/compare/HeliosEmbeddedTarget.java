package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** HeliosDB through its embedded API, in Memory-only or Embedded (persistent engine) mode. */
record HeliosEmbeddedTarget(String id, String engine) implements Target, ZipfMemory.Budgeted {

    @Override
    public String description() {
        return engine.equals("memory") ? "HeliosDB embedded API, Memory-only"
                : "HeliosDB embedded API, Embedded on " + engine + " (WAL synced per commit)";
    }

    @Override
    public String notApplicable(Workload workload) {
        if (workload.kind() == Workload.Kind.PGBENCH) {
            return PgbenchScript.NEEDS_WIRE;
        }
        if (workload.kind() == Workload.Kind.DURABLE && engine.equals("memory")) {
            return "not durable";
        }
        return engineAvailable(engine) ? null : "storage engine '" + engine + "' not on the class path";
    }

    @Override
    public String dataSetKey() {
        return engine.equals("memory") ? null : "helios-" + engine;
    }

    static boolean engineAvailable(String name) {
        return ServiceLoader.load(StorageEngineProvider.class).stream().anyMatch(p -> p.get().name().equals(name));
    }

    @Override
    public Instance open(Path directory) {
        return open(config(engine, directory));
    }

    /** RocksDB: a block cache of the budget (Embedded mode gives {@code cache_size} to it); other engines as usual. */
    @Override
    public Instance openWithin(Path directory, long budgetBytes) {
        HeliosConfig config = config(engine, directory);
        return open(engine.equals("rocksdb") ? config.withStorage(config.storage().withCacheSizeBytes(budgetBytes)
                .withDirectReads(ZipfMemory.directReads())) : config);
    }

    private static Instance open(HeliosConfig config) {
        HeliosDB db = HeliosDB.open(config);
        return new Instance() {
            @Override
            public DbClient connect() {
                return new HeliosClient(db.session());
            }

            @Override
            public long[] memoryHitsAndMisses() {
                try (var s = db.session()) {
                    return MemoryReads.blockCache(s);
                }
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    static HeliosConfig config(String engine, Path directory) {
        if (engine.equals("memory")) {
            return HeliosConfig.memory();
        }
        HeliosConfig persistent = HeliosConfig.persistent(directory.resolve("helios"));
        return persistent.withStorage(persistent.storage().withEngine(engine));
    }
}
