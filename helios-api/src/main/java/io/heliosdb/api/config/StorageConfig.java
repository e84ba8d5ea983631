package io.heliosdb.api.config;

import java.nio.file.Path;

/**
 * {@code [storage]}: where data lives and how it is kept.
 *
 * @param path           the data directory (ignored when {@code memoryOnly})
 * @param memoryOnly     keep all data in RAM, nothing on disk
 * @param engine         the storage provider's name: {@code rocksdb} (default for persistent data) or {@code memory}
 * @param cacheSizeBytes the row cache budget in bytes; 0 (the default) means no row cache: the engine keeps
 *                       its own small block cache. A served persistent database with a cache size is Hybrid mode;
 *                       an embedded one gives the budget to the engine's block cache
 * @param compression    compression of stored values
 * @param walEnabled     whether commits are written to the write-ahead log and synced before they are acknowledged
 * @param cacheProvider  the cache layer's provider name in Hybrid mode: {@code compact} (on-heap, the default),
 *                       {@code caffeine} (on-heap, W-TinyLFU) or {@code chronicle} (off-heap; needs JVM flags, see
 *                       the README)
 * @param engineCacheBytes in Hybrid mode, the storage engine's own cache next to the row cache (RocksDB's block
 *                       cache); 0 (the default) leaves the engine its default (RocksDB: 64 MB). Embedded and Server
 *                       give {@code cacheSizeBytes} to the engine and ignore it
 * @param directReads    whether the engine reads its files bypassing the OS page cache (RocksDB's
 *                       {@code use_direct_reads}), so that only the configured caches hold data in memory
 */
public record StorageConfig(Path path, boolean memoryOnly, String engine, long cacheSizeBytes,
                            Compression compression, boolean walEnabled, String cacheProvider, long engineCacheBytes,
                            boolean directReads) {

    public static final Path DEFAULT_PATH = Path.of("heliosdb-data");
    public static final long DEFAULT_CACHE_SIZE = 0;
    public static final String DEFAULT_CACHE_PROVIDER = "compact";
    /** The engine keeps its own default cache in Hybrid mode. */
    public static final long DEFAULT_ENGINE_CACHE_SIZE = 0;

    /** A configuration whose Hybrid engine cache is the engine's default. */
    public StorageConfig(Path path, boolean memoryOnly, String engine, long cacheSizeBytes, Compression compression,
                         boolean walEnabled, String cacheProvider) {
        this(path, memoryOnly, engine, cacheSizeBytes, compression, walEnabled, cacheProvider,
                DEFAULT_ENGINE_CACHE_SIZE, false);
    }

    /** A configuration with the default cache provider. */
    public StorageConfig(Path path, boolean memoryOnly, String engine, long cacheSizeBytes, Compression compression,
                         boolean walEnabled) {
        this(path, memoryOnly, engine, cacheSizeBytes, compression, walEnabled, DEFAULT_CACHE_PROVIDER);
    }

    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_PATH, false, "rocksdb", DEFAULT_CACHE_SIZE, Compression.LZ4, true,
                DEFAULT_CACHE_PROVIDER, DEFAULT_ENGINE_CACHE_SIZE, false);
    }

    public StorageConfig withPath(Path newPath) {
        return new StorageConfig(newPath, false, engine.equals("memory") ? "rocksdb" : engine, cacheSizeBytes,
                compression, walEnabled, cacheProvider, engineCacheBytes, directReads);
    }

    public StorageConfig withMemoryOnly() {
        return new StorageConfig(path, true, "memory", cacheSizeBytes, compression, walEnabled,
                cacheProvider, engineCacheBytes, directReads);
    }

    public StorageConfig withEngine(String newEngine) {
        return new StorageConfig(path, memoryOnly, newEngine, cacheSizeBytes, compression, walEnabled,
                cacheProvider, engineCacheBytes, directReads);
    }

    public StorageConfig withCacheSizeBytes(long bytes) {
        return new StorageConfig(path, memoryOnly, engine, bytes, compression, walEnabled,
                cacheProvider, engineCacheBytes, directReads);
    }

    public StorageConfig withCompression(Compression c) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, c, walEnabled,
                cacheProvider, engineCacheBytes, directReads);
    }

    public StorageConfig withWalEnabled(boolean enabled) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, compression, enabled,
                cacheProvider, engineCacheBytes, directReads);
    }

    /** The engine's own cache in Hybrid mode (0: the engine's default). */
    public StorageConfig withEngineCacheBytes(long bytes) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, compression, walEnabled,
                cacheProvider, bytes, directReads);
    }

    /** Reads bypassing the OS page cache (or not). */
    public StorageConfig withDirectReads(boolean direct) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, compression, walEnabled,
                cacheProvider, engineCacheBytes, direct);
    }

    public StorageConfig withCacheProvider(String provider) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, compression, walEnabled,
                provider, engineCacheBytes, directReads);
    }
}
