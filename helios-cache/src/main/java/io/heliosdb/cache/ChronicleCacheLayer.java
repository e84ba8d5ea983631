package io.heliosdb.cache;

import io.heliosdb.spi.CacheLayer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * An off-heap cache on Chronicle Map, which stores entries outside the Java heap but never evicts.
 * Eviction here is CLOCK with the hand moving over the map's segments: when the bytes in use pass
 * the budget, the sweeper walks segments in turn, sparing (and un-marking) entries read since the
 * last pass and removing the rest, until 10% of the budget is free. Reference bits live in
 * {@link ReferenceBits}. A put that finds the map itself full (more, smaller entries than it was
 * sized for) sweeps and retries once, else skips caching that value.
 */
final class ChronicleCacheLayer implements CacheLayer {

    static final int AVERAGE_KEY = 32;
    static final int AVERAGE_VALUE = 256;
    /** Chronicle's per-entry bookkeeping (hash lookup slot, size fields), roughly. */
    static final int ENTRY_OVERHEAD = 16;
    static final int SEGMENTS = 64;

    private final ChronicleMap<byte[], byte[]> map;
    private final ValueCodec codec;
    private final long budget;
    private final ReferenceBits referenced;
    private final AtomicLong bytesUsed = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final Object sweeper = new Object();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private int hand;
    private boolean closed;

    ChronicleCacheLayer(long budgetBytes, ValueCodec codec) {
        this.budget = Math.max(0, budgetBytes);
        this.codec = codec;
        long entries = Math.max(1_000, budget / (AVERAGE_KEY + AVERAGE_VALUE + ENTRY_OVERHEAD));
        this.referenced = new ReferenceBits(entries);
        this.map = ChronicleMap.of(byte[].class, byte[].class)
                .name("helios-cache")
                .entries(entries)
                .averageKeySize(AVERAGE_KEY)
                .averageValueSize(AVERAGE_VALUE)
                .maxBloatFactor(2.0)
                // Chronicle's segment locks spin: enough segments keep threads off each other's,
                // and smaller segments make each eviction sweep step finer
                .actualSegments(SEGMENTS)
                .create();
    }

    /** Keyspace and key in one array: keyspace length (2 bytes), keyspace UTF-8, key. */
    static byte[] mapKey(String keyspace, byte[] key) {
        byte[] ks = keyspace.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[2 + ks.length + key.length];
        out[0] = (byte) (ks.length >>> 8);
        out[1] = (byte) ks.length;
        System.arraycopy(ks, 0, out, 2, ks.length);
        System.arraycopy(key, 0, out, 2 + ks.length, key.length);
        return out;
    }

    static long weight(long keyBytes, long storedBytes) {
        return keyBytes + storedBytes + ENTRY_OVERHEAD;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            byte[] k = mapKey(keyspace, key);
            byte[] stored = map.get(k);
            if (stored == null) {
                misses.increment();
                return null;
            }
            hits.increment();
            referenced.mark(k);
            return codec.decode(stored);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void put(String keyspace, byte[] key, byte[] value) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            byte[] k = mapKey(keyspace, key);
            byte[] stored = codec.encode(value);
            long w = weight(k.length, stored.length);
            if (w > budget) {
                remove(k); // cannot fit: caching it would only evict everything else
                return;
            }
            byte[] previous;
            try {
                previous = map.put(k, stored);
            } catch (IllegalStateException full) {
                sweep(true);
                try {
                    previous = map.put(k, stored);
                } catch (IllegalStateException stillFull) {
                    return; // a cache may decline: the value is still in storage
                }
            }
            bytesUsed.addAndGet(w - (previous == null ? 0 : weight(k.length, previous.length)));
            if (bytesUsed.get() > budget) {
                sweep(false);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void invalidate(String keyspace, byte[] key) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            remove(mapKey(keyspace, key));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void remove(byte[] k) {
        byte[] previous = map.remove(k);
        if (previous != null) {
            bytesUsed.addAndGet(-weight(k.length, previous.length));
        }
    }

    @Override
    public void invalidateAll() {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            synchronized (sweeper) {
                map.clear();
                bytesUsed.set(0);
                referenced.clear();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Moves the CLOCK hand over segments until 10% of the budget is free. With {@code mapFull}
     * (Chronicle's own table is full: entries smaller than it was sized for) it frees 10% of what
     * is in use instead, so the next puts find room without a sweep each.
     */
    private void sweep(boolean mapFull) {
        synchronized (sweeper) {
            long used = bytesUsed.get();
            long target = budget - budget / 10;
            if (mapFull) {
                target = Math.min(target, used - used / 10);
            }
            int segments = map.segments();
            // two full turns at most: the first may only clear reference bits
            for (int visited = 0; visited < 2 * segments && bytesUsed.get() > target; visited++) {
                int segment = hand;
                hand = (hand + 1) % segments;
                sweepSegment(segment, target);
            }
        }
    }

    /** Removes unreferenced entries of one segment, stopping once usage is down to {@code target}. */
    private void sweepSegment(int segment, long target) {
        long[] freed = {0, 0}; // bytes, entries
        long used = bytesUsed.get();
        try (var context = map.segmentContext(segment)) {
            context.forEachSegmentEntry(entry -> {
                if (used - freed[0] <= target) {
                    return; // iteration cannot stop early; the rest of the segment is simply kept
                }
                byte[] k = entry.key().get();
                if (referenced.testAndClear(k)) {
                    return;
                }
                freed[0] += weight(k.length, entry.value().size());
                freed[1]++;
                entry.doRemove();
            });
        }
        if (freed[1] > 0) {
            bytesUsed.addAndGet(-freed[0]);
            evictions.add(freed[1]);
        }
    }

    @Override
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), evictions.sum(), Math.max(0, bytesUsed.get()));
    }

    @Override
    public long capacityBytes() {
        return budget;
    }

    /** Native memory Chronicle has reserved for the map (0 once closed). */
    long offHeapBytes() {
        lifecycle.readLock().lock();
        try {
            return closed ? 0 : map.offHeapMemoryUsed();
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    boolean isMapOpen() {
        return map.isOpen();
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                map.close(); // frees the off-heap memory now, not at some later GC
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw CacheClosed.error(ChronicleCacheProvider.NAME);
        }
    }
}
