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
 */
public record StorageConfig(Path path, boolean memoryOnly, String engine, long cacheSizeBytes,
                            Compression compression, boolean walEnabled) {

    public static final Path DEFAULT_PATH = Path.of("heliosdb-data");
    public static final long DEFAULT_CACHE_SIZE = 0;

    public static StorageConfig defaults() {
        return new StorageConfig(DEFAULT_PATH, false, "rocksdb", DEFAULT_CACHE_SIZE, Compression.LZ4, true);
    }

    public StorageConfig withPath(Path newPath) {
        return new StorageConfig(newPath, false, engine.equals("memory") ? "rocksdb" : engine, cacheSizeBytes,
                compression, walEnabled);
    }

    public StorageConfig withMemoryOnly() {
        return new StorageConfig(path, true, "memory", cacheSizeBytes, compression, walEnabled);
    }

    public StorageConfig withEngine(String newEngine) {
        return new StorageConfig(path, memoryOnly, newEngine, cacheSizeBytes, compression, walEnabled);
    }

    public StorageConfig withCacheSizeBytes(long bytes) {
        return new StorageConfig(path, memoryOnly, engine, bytes, compression, walEnabled);
    }

    public StorageConfig withCompression(Compression c) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, c, walEnabled);
    }

    public StorageConfig withWalEnabled(boolean enabled) {
        return new StorageConfig(path, memoryOnly, engine, cacheSizeBytes, compression, enabled);
    }
}
