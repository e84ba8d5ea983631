package io.heliosdb.cache;

import io.heliosdb.spi.CacheLayerProvider;

class CaffeineCacheLayerTest extends CacheLayerContract {

    @Override
    protected CacheLayerProvider provider() {
        return new CaffeineCacheProvider();
    }

    @Override
    protected long maxEntryWeight(int valueBytes) {
        return valueBytes + 64 + CaffeineCacheLayer.ENTRY_OVERHEAD;
    }
}
