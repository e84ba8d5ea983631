/**
 * Cache layers placed by the kernel in front of storage reads: {@code caffeine} (on-heap,
 * W-TinyLFU, weighted by bytes), {@code chronicle} (off-heap Chronicle Map) and {@code compact}
 * (on-heap, one array per entry, frequency-aware CLOCK), all with optional zstd or lz4 value compression.
 */
module io.heliosdb.cache {
    requires io.heliosdb.api;
    requires com.github.benmanes.caffeine;
    requires chronicle.map;
    requires chronicle.core;
    requires com.github.luben.zstd_jni;
    requires org.lz4.java;
    // Chronicle Map generates and compiles classes at run time and reads JMX; requiring these here
    // keeps them in every module graph (and jlink image) that holds this module.
    requires java.management;
    requires jdk.compiler;
    requires jdk.unsupported;

    provides io.heliosdb.spi.CacheLayerProvider with
            io.heliosdb.cache.CaffeineCacheProvider,
            io.heliosdb.cache.ChronicleCacheProvider,
            io.heliosdb.cache.CompactCacheProvider;
}
