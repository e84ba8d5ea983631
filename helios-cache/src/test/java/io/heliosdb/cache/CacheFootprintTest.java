package io.heliosdb.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.CacheLayer;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a full cache really occupies, against {@code cache_size}: heap in use after a full GC for the
 * on-heap layer, native memory Chronicle has reserved for the off-heap one. Entries of several sizes
 * (index-list sized, row sized, wide rows) are put until the cache has evicted for a while.
 */
class CacheFootprintTest {

    private static final long BUDGET = 24L << 20;
    /** How far the real footprint may stray from the budget. */
    private static final double TOLERANCE = 0.15;

    @Test
    void caffeine_fullCache_occupiesItsBudgetOfHeap() {
        long before = heapUsedAfterGc();
        CacheLayer cache = new CaffeineCacheProvider().open(config());
        try {
            fill(cache);
            long footprint = heapUsedAfterGc() - before;
            long accounted = cache.stats().bytesUsed();
            assertThat(accounted).as("accounted").isBetween((long) (BUDGET * 0.95), BUDGET);
            assertThat((double) footprint).as("heap held by %d accounted bytes", accounted)
                    .isBetween(BUDGET * (1 - TOLERANCE), BUDGET * (1 + TOLERANCE));
        } finally {
            cache.close();
        }
    }

    @Test
    void compact_fullCache_occupiesItsBudgetOfHeap() {
        long before = heapUsedAfterGc();
        CacheLayer cache = new CompactCacheProvider().open(config());
        try {
            fill(cache);
            long footprint = heapUsedAfterGc() - before;
            long accounted = cache.stats().bytesUsed();
            assertThat(accounted).as("accounted").isBetween((long) (BUDGET * 0.95), BUDGET);
            assertThat((double) footprint).as("heap held by %d accounted bytes", accounted)
                    .isBetween(BUDGET * (1 - TOLERANCE), BUDGET * (1 + TOLERANCE));
        } finally {
            cache.close();
        }
    }

    @Test
    void compact_fullCacheOfRows_occupiesItsBudgetOfHeap() {
        long before = heapUsedAfterGc();
        CacheLayer cache = new CompactCacheProvider().open(config());
        try {
            for (long id = 0; id < 3 * BUDGET / 74; id++) { // rows as the kernel caches them: 12-byte key, 31-byte version
                cache.put("rows", java.nio.ByteBuffer.allocate(12).putInt(3).putLong(id).array(), new byte[31]);
            }
            long footprint = heapUsedAfterGc() - before;
            assertThat((double) footprint).as("heap held by %d accounted bytes", cache.stats().bytesUsed())
                    .isBetween(BUDGET * (1 - TOLERANCE), BUDGET * (1 + TOLERANCE));
        } finally {
            cache.close();
        }
    }

    @Test
    void chronicle_fullCache_reservesItsBudgetOffHeap() {
        ChronicleCacheLayer cache = (ChronicleCacheLayer) new ChronicleCacheProvider().open(config());
        try {
            fill(cache);
            long accounted = cache.stats().bytesUsed();
            // entries take contiguous chunks of one segment, so a map of mixed sizes is full (fragmented) before
            // every chunk is used: about three quarters here; far less would mean sweeps emptying the cache
            assertThat(accounted).as("accounted").isBetween((long) (BUDGET * 0.65), BUDGET);
            assertThat((double) cache.offHeapBytes()).as("off-heap bytes reserved")
                    .isBetween(BUDGET * (1 - TOLERANCE), BUDGET * (1 + TOLERANCE));
        } finally {
            cache.close();
        }
    }

    @Test
    void close_leavesNoThreadBehind() {
        // the libraries' own process-wide threads, if any, start with their first instance: not this test's concern
        new CaffeineCacheProvider().open(config()).close();
        new ChronicleCacheProvider().open(config()).close();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        for (CacheLayer cache : new CacheLayer[] {new CaffeineCacheProvider().open(config()),
                new ChronicleCacheProvider().open(config()), new CompactCacheProvider().open(config())}) {
            for (int i = 0; i < 50_000; i++) {
                cache.put("t", CacheLayerContract.utf8("k" + i), new byte[100]);
                cache.get("t", CacheLayerContract.utf8("k" + (i / 2)));
            }
            cache.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .allMatch(before::contains, "a thread alive before the caches were opened");
    }

    private static StorageConfig config() {
        return StorageConfig.defaults().withCacheSizeBytes(BUDGET).withCompression(Compression.NONE);
    }

    /** Puts three budgets' worth of entries: 40% small (16-64 B), 40% row sized (64-256 B), 20% wide (256 B-2 KB). */
    private static void fill(CacheLayer cache) {
        Random random = new Random(7);
        long put = 0;
        for (int i = 0; put < 3 * BUDGET; i++) {
            int kind = random.nextInt(10);
            int size = kind < 4 ? 16 + random.nextInt(48) : kind < 8 ? 64 + random.nextInt(192) : 256 + random.nextInt(1792);
            byte[] key = new byte[8 + random.nextInt(17)];
            random.nextBytes(key);
            key[0] = (byte) i;
            key[1] = (byte) (i >>> 8);
            key[2] = (byte) (i >>> 16);
            key[3] = (byte) (i >>> 24);
            cache.put("rows", key, new byte[size]);
            put += size + key.length;
        }
    }

    private static long heapUsedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a second full GC finds what finalisation and reference clearing freed
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
