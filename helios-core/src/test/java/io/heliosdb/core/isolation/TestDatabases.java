package io.heliosdb.core.isolation;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;

/**
 * Opens a kernel database on the memory or rocksdb engine, optionally wrapping the engine;
 * {@code "rocksdb+cache"} is rocksdb with the caffeine cache layer in front of row reads (Hybrid's storage),
 * {@code "rocksdb+compact"} the same with the compact layer.
 */
final class TestDatabases {
    static final String CACHED = "rocksdb+cache";
    static final String COMPACT_CACHED = "rocksdb+compact";
    /** Small enough that the bank and isolation suites also evict. */
    private static final long CACHE_BYTES = 64 * 1024;

    private TestDatabases() {
    }

    static KernelDatabase open(String engine, Path dir, UnaryOperator<StorageEngine> wrap) {
        String cacheProvider = engine.equals(CACHED) ? "caffeine" : engine.equals(COMPACT_CACHED) ? "compact" : null;
        boolean cached = cacheProvider != null;
        String engineName = cached ? "rocksdb" : engine;
        HeliosConfig config = engineName.equals("memory") ? HeliosConfig.memory() : HeliosConfig.persistent(dir);
        if (cached) {
            config = config.withStorage(config.storage().withCacheSizeBytes(CACHE_BYTES));
        }
        StorageEngineProvider provider = ServiceLoader.load(StorageEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(engineName)).findFirst().orElseThrow();
        CacheLayer cache = null;
        if (cached) {
            CacheLayerProvider layer = ServiceLoader.load(CacheLayerProvider.class).stream()
                    .map(ServiceLoader.Provider::get).filter(p -> p.name().equals(cacheProvider)).findFirst()
                    .orElseThrow();
            cache = layer.open(config.storage());
        }
        StorageEngine storage = wrap.apply(provider.open(config.storage()));
        return new KernelDatabase(config, engineName.equals("memory") ? DeploymentMode.MEMORY_ONLY
                : DeploymentMode.EMBEDDED, storage, cache, cacheProvider);
    }

    static KernelDatabase open(String engine, Path dir) {
        return open(engine, dir, e -> e);
    }
}
