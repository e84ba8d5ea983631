package io.heliosdb.cache;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;

/** The {@code chronicle} cache layer: off-heap Chronicle Map with CLOCK eviction over its segments. */
public final class ChronicleCacheProvider implements CacheLayerProvider {

    public static final String NAME = "chronicle";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CacheLayer open(StorageConfig config) {
        return new ChronicleCacheLayer(config.cacheSizeBytes(), ValueCodec.forCompression(config.compression()));
    }
}
