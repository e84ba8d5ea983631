package io.heliosdb.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.heliosdb.spi.CacheLayer;

/**
 * An on-heap cache on Caffeine: maximum weight = the byte budget, each entry weighing its key,
 * keyspace and (possibly compressed) value bytes plus a fixed overhead for the objects around them.
 * Maintenance (eviction) runs on the calling thread, so a put returns with the budget restored.
 */
final class CaffeineCacheLayer implements CacheLayer {

    /** Heap taken by an entry beyond its bytes: Caffeine's node, our key object, two array headers. */
    static final int ENTRY_OVERHEAD = 96;

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

    static int weight(CacheKey key, byte[] stored) {
        return key.byteSize() + stored.length + ENTRY_OVERHEAD;
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
