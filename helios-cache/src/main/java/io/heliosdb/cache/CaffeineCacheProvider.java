package io.heliosdb.cache;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;

/** The {@code caffeine} cache layer: on-heap, W-TinyLFU eviction, weighted by bytes. */
public final class CaffeineCacheProvider implements CacheLayerProvider {

    public static final String NAME = "caffeine";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CacheLayer open(StorageConfig config) {
        return new CaffeineCacheLayer(config.cacheSizeBytes(), ValueCodec.forCompression(config.compression()));
    }
}
