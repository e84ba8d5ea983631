package io.heliosdb.cache;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.CacheLayerProvider;

/** The {@code compact} cache layer: on-heap, one array per entry, frequency-aware CLOCK, weighted by bytes. */
public final class CompactCacheProvider implements CacheLayerProvider {

    public static final String NAME = "compact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CacheLayer open(StorageConfig config) {
        return new CompactCacheLayer(config.cacheSizeBytes(), ValueCodec.forCompression(config.compression()));
    }
}
