package io.heliosdb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.Compression;
import io.heliosdb.spi.CacheLayerProvider;
import org.junit.jupiter.api.Test;

class ChronicleCacheLayerTest extends CacheLayerContract {

    @Override
    protected CacheLayerProvider provider() {
        return new ChronicleCacheProvider();
    }

    @Override
    protected long maxEntryWeight(int valueBytes) {
        // whole chunks, each costing its share of the map's hash lookup too (well under half a chunk again)
        return (long) ((valueBytes + 64 + ChronicleLayout.CHUNK) * 1.5);
    }

    @Test
    void close_releasesTheOffHeapMap() {
        ChronicleCacheLayer cache = (ChronicleCacheLayer) open(8 << 20, Compression.NONE);
        cache.put("t", utf8("a"), new byte[1000]);
        assertThat(cache.offHeapBytes()).isPositive();
        assertThat(cache.isMapOpen()).isTrue();
        cache.close();
        assertThat(cache.isMapOpen()).isFalse();
        assertThat(cache.offHeapBytes()).isZero();
    }

    @Test
    void manySmallEntries_beyondWhatTheMapWasSizedFor_areEvictedNotRefused() {
        ChronicleCacheLayer cache = (ChronicleCacheLayer) open(1 << 20, Compression.NONE);
        for (int i = 0; i < 200_000; i++) { // tiny entries: far more than entries() assumed
            cache.put("t", utf8("k" + i), utf8("v"));
        }
        assertThat(cache.get("t", utf8("k199999"))).isNotNull();
        assertThat(cache.stats().evictions()).isPositive();
    }

    @Test
    void mapKey_separatesKeyspaceFromKey() {
        assertThat(ChronicleCacheLayer.mapKey("ab", utf8("c"))).isNotEqualTo(ChronicleCacheLayer.mapKey("a", utf8("bc")));
    }
}
