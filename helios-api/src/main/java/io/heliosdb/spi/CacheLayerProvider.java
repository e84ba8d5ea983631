package io.heliosdb.spi;

import io.heliosdb.api.config.StorageConfig;

/** Entry point of a cache module, found with {@link java.util.ServiceLoader}. */
public interface CacheLayerProvider {

    /** e.g. {@code caffeine}. */
    String name();

    /** A cache of {@code config.cacheSizeBytes()} bytes, compressing values as {@code config.compression()} says. */
    CacheLayer open(StorageConfig config);
}
