package io.heliosdb.core.txn;

import io.heliosdb.spi.CacheLayer;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** An unbounded cache layer for tests: exactly what was put stays until invalidated. */
final class MapCacheLayer implements CacheLayer {
    final Map<String, byte[]> entries = new ConcurrentHashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final long capacity;

    MapCacheLayer() {
        this(0);
    }

    /** {@code capacity}: what {@link #capacityBytes()} reports (the layer itself never evicts). */
    MapCacheLayer(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public long capacityBytes() {
        return capacity;
    }

    private static String key(String keyspace, byte[] key) {
        return keyspace + "/" + HexFormat.of().formatHex(key);
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        byte[] v = entries.get(key(keyspace, key));
        (v == null ? misses : hits).incrementAndGet();
        return v == null ? null : v.clone();
    }

    @Override
    public void put(String keyspace, byte[] key, byte[] value) {
        entries.put(key(keyspace, key), value.clone());
    }

    @Override
    public void invalidate(String keyspace, byte[] key) {
        entries.remove(key(keyspace, key));
    }

    @Override
    public void invalidateAll() {
        entries.clear();
    }

    @Override
    public Stats stats() {
        return new Stats(hits.get(), misses.get(), 0, entries.values().stream().mapToLong(v -> v.length).sum());
    }

    @Override
    public void close() {
        entries.clear();
    }
}
