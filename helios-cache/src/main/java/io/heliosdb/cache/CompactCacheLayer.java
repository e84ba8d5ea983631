package io.heliosdb.cache;

import io.heliosdb.spi.CacheLayer;
import java.util.concurrent.atomic.LongAdder;

/**
 * An on-heap cache that spends its budget on rows rather than on bookkeeping: each entry is a run of bytes
 * ({@link CompactEntry}) in its segment's arena, found through an open-addressing table of offsets
 * ({@link CompactSegment}), with frequency-aware CLOCK eviction. A 12-byte key with a 31-byte row costs ~41 bytes
 * here (35 in the arena, its key and version without their leading zeros, ~6 the table's share) against ~190 in
 * Caffeine, so the same {@code cache_size} holds about 4.6 times the rows. The key is hashed once; its top bits choose
 * the segment (each with a monitor and an equal share of the budget), the rest the slot. No thread of its own:
 * eviction runs in the put that passes the budget.
 */
final class CompactCacheLayer implements CacheLayer {

    /** A hit raises an entry's counter up to this; the CLOCK hand lowers it by one per pass. */
    static final int MAX_USE_COUNT = 3;
    /** Segments are at least this big (smaller caches get fewer), so an entry's quarter-segment limit stays useful. */
    static final long MIN_SEGMENT_BYTES = 256 * 1024;
    static final int MAX_SEGMENTS = 64;
    /** More segments than {@link #MAX_SEGMENTS} only when a segment's arena would pass its 16 MB of offsets. */
    private static final int MAX_SEGMENTS_HUGE = 1 << 16;

    private final CompactSegment[] segments;
    private final int segmentShift;
    private final KeyspaceIds keyspaces = new KeyspaceIds();
    private final ValueCodec codec;
    private final long budget;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private volatile boolean closed;

    CompactCacheLayer(long budgetBytes, ValueCodec codec) {
        this(budgetBytes, codec, MAX_USE_COUNT);
    }

    /** With another counter ceiling (for measurements of the eviction). */
    CompactCacheLayer(long budgetBytes, ValueCodec codec, int maxUseCount) {
        this.budget = Math.max(0, budgetBytes);
        this.codec = codec;
        int count = (int) Math.max(1, Math.min(MAX_SEGMENTS, Long.highestOneBit(Math.max(1, budget / MIN_SEGMENT_BYTES))));
        while (budget / count > CompactSegment.MAX_ARENA && count < MAX_SEGMENTS_HUGE) {
            count *= 2;
        }
        int bits = Integer.numberOfTrailingZeros(count);
        this.segments = new CompactSegment[count];
        for (int i = 0; i < count; i++) {
            segments[i] = new CompactSegment(budget / count, maxUseCount, bits);
        }
        this.segmentShift = 32 - bits;
    }

    private CompactSegment segment(int hash) {
        return segments.length == 1 ? segments[0] : segments[hash >>> segmentShift];
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        checkOpen();
        int id = keyspaces.find(keyspace);
        byte[] stored = null;
        if (id >= 0) {
            int zeros = CompactEntry.zeros(key);
            int hash = CompactEntry.hash(id, key, zeros);
            stored = segment(hash).get(hash, id, key, zeros);
        }
        if (stored == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        // the segment already handed out a copy: an uncompressed value needs no second one
        return codec == ValueCodec.Identity.INSTANCE ? stored : codec.decode(stored);
    }

    @Override
    public void put(String keyspace, byte[] key, byte[] value) {
        checkOpen();
        int id = keyspaces.idOf(keyspace);
        if (id < 0 || key.length > CompactEntry.MAX_KEY_LENGTH) {
            return; // a cache may decline: the value is still in storage
        }
        int zeros = CompactEntry.zeros(key);
        int hash = CompactEntry.hash(id, key, zeros);
        CompactSegment segment = segment(hash);
        byte[] stored = codec == ValueCodec.Identity.INSTANCE ? value : codec.encode(value);
        if (!segment.fits(CompactEntry.lengthOf(key, stored))) {
            segment.remove(hash, id, key, zeros); // cannot fit: caching it would only evict everything else
            return;
        }
        int evicted = segment.put(hash, id, key, zeros, stored);
        if (evicted > 0) {
            evictions.add(evicted);
        }
    }

    @Override
    public void invalidate(String keyspace, byte[] key) {
        checkOpen();
        int id = keyspaces.find(keyspace);
        if (id >= 0) {
            int zeros = CompactEntry.zeros(key);
            int hash = CompactEntry.hash(id, key, zeros);
            segment(hash).remove(hash, id, key, zeros);
        }
    }

    @Override
    public void invalidateAll() {
        checkOpen();
        for (CompactSegment segment : segments) {
            segment.clear();
        }
    }

    @Override
    public Stats stats() {
        long used = 0;
        for (CompactSegment segment : segments) {
            used += segment.bytes();
        }
        return new Stats(hits.sum(), misses.sum(), evictions.sum(), used);
    }

    /** Entries held now (for measurements of rows held per byte). */
    long entries() {
        long n = 0;
        for (CompactSegment segment : segments) {
            n += segment.size();
        }
        return n;
    }

    @Override
    public long capacityBytes() {
        return budget;
    }

    @Override
    public void close() {
        closed = true;
        for (CompactSegment segment : segments) {
            segment.clear();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw CacheClosed.error(CompactCacheProvider.NAME);
        }
    }
}
