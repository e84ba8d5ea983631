package io.heliosdb.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.heliosdb.spi.CacheLayer;

/**
 * An on-heap cache on Caffeine: maximum weight = the byte budget, each entry weighing the heap it
 * really holds (see {@link #weight}), so a full cache occupies about {@code cache_size} of heap.
 * Maintenance (eviction) runs on the calling thread, so a put returns with the budget restored.
 */
final class CaffeineCacheLayer implements CacheLayer {

    /**
     * Heap an entry holds besides its two byte arrays, with compressed references (heaps under 32 GB):
     * Caffeine's node for a weighted cache (40 B), the ConcurrentHashMap node (32 B), our {@link CacheKey}
     * (24 B), and the entry's share of the map's table and of Caffeine's frequency sketch (~16 B, both
     * sized in powers of two). Checked against the heap by {@code CacheFootprintTest}.
     */
    static final int ENTRY_OVERHEAD = 112;
    /** A byte array's header (mark word, class pointer, length). */
    static final int ARRAY_HEADER = 16;
    /** Objects start at 8-byte boundaries, so an array's length rounds up. */
    static final int OBJECT_ALIGNMENT = 8;

    private final Cache<CacheKey, byte[]> cache;
    private final ValueCodec codec;
    private final long budget;
    private volatile boolean closed;

    CaffeineCacheLayer(long budgetBytes, ValueCodec codec) {
        this.budget = Math.max(0, budgetBytes);
        this.codec = codec;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(budget)
                .weigher((CacheKey k, byte[] v) -> weight(k, v))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** Heap bytes an entry holds: the fixed objects around it plus its key and stored value arrays. */
    static int weight(CacheKey key, byte[] stored) {
        return ENTRY_OVERHEAD + arrayBytes(key.keyLength()) + arrayBytes(stored.length);
    }

    static int arrayBytes(int length) {
        return (ARRAY_HEADER + length + OBJECT_ALIGNMENT - 1) & -OBJECT_ALIGNMENT;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        checkOpen();
        byte[] stored = cache.getIfPresent(new CacheKey(keyspace, key));
        return stored == null ? null : codec.decode(stored);
    }

    @Override
    public void put(String keyspace, byte[] key, byte[] value) {
        checkOpen();
        CacheKey k = new CacheKey(keyspace, key.clone());
        byte[] stored = codec.encode(value);
        if (weight(k, stored) > budget) {
            cache.invalidate(k); // cannot fit: caching it would only evict everything else
            return;
        }
        cache.put(k, stored);
    }

    @Override
    public void invalidate(String keyspace, byte[] key) {
        checkOpen();
        cache.invalidate(new CacheKey(keyspace, key));
    }

    @Override
    public void invalidateAll() {
        checkOpen();
        cache.invalidateAll();
    }

    @Override
    public Stats stats() {
        cache.cleanUp();
        CacheStats s = cache.stats();
        long used = cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        return new Stats(s.hitCount(), s.missCount(), s.evictionCount(), used);
    }

    @Override
    public long capacityBytes() {
        return budget;
    }

    @Override
    public void close() {
        closed = true;
        cache.invalidateAll();
        cache.cleanUp();
    }

    private void checkOpen() {
        if (closed) {
            throw CacheClosed.error(CaffeineCacheProvider.NAME);
        }
    }
}
