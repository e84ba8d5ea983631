package io.heliosdb.cache;

import io.heliosdb.spi.CacheLayer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.MapEntry;

/**
 * An off-heap cache on Chronicle Map, which stores entries outside the Java heap but never evicts.
 * The map's memory is reserved up front to the byte budget ({@link ChronicleLayout}); an entry is
 * accounted the chunks it takes times what a chunk of the map really costs, so a full map accounts
 * about the memory it holds. Eviction here is CLOCK with the hand moving over the map's segments:
 * when the bytes in use pass the budget, the sweeper walks segments in turn, sparing (and un-marking)
 * entries read since the last pass and removing the rest, until 10% of the budget is free. Reference
 * bits live in {@link ReferenceBits}. A put that finds its segment full (an entry needs contiguous
 * chunks of one segment, so large entries meet a fragmented segment first; or an unlucky share of keys)
 * sweeps that segment and retries once, else skips caching that value.
 */
final class ChronicleCacheLayer implements CacheLayer {

    private final ChronicleMap<byte[], byte[]> map;
    private final ValueCodec codec;
    private final long budget;
    /** Reserved bytes per byte of entry space (see {@link ChronicleLayout.Sized#costPerEntryByte}). */
    private final double costPerEntryByte;
    private final ReferenceBits referenced;
    private final AtomicLong bytesUsed = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private final Object sweeper = new Object();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private int hand;
    /** Per segment, where its next sweep starts (see {@link #sweepSegment}); guarded by {@code sweeper}. */
    private final int[] segmentHands;
    private boolean closed;

    ChronicleCacheLayer(long budgetBytes, ValueCodec codec) {
        this.budget = Math.max(0, budgetBytes);
        this.codec = codec;
        ChronicleLayout.Sized sized = ChronicleLayout.open(budget);
        this.map = sized.map();
        this.costPerEntryByte = sized.costPerEntryByte();
        this.referenced = new ReferenceBits(sized.layout().entries());
        this.segmentHands = new int[map.segments()];
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

    /** Off-heap bytes an entry holds: its chunks, with their share of the hash lookup and free list. */
    long weight(int keyBytes, int storedBytes) {
        return (long) Math.ceil(ChronicleLayout.chunkBytes(keyBytes, storedBytes) * costPerEntryByte);
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
                sweepSegmentOf(k, w);
                try {
                    previous = map.put(k, stored);
                } catch (IllegalStateException stillFull) {
                    return; // a cache may decline: the value is still in storage
                }
            }
            bytesUsed.addAndGet(w - (previous == null ? 0 : weight(k.length, previous.length)));
            if (bytesUsed.get() > budget) {
                sweep();
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

    /** Moves the CLOCK hand over segments until 10% of the budget is free. */
    private void sweep() {
        synchronized (sweeper) {
            long target = budget - budget / 10;
            int segments = map.segments();
            // two full turns at most: the first may only clear reference bits
            for (int visited = 0; visited < 2 * segments && bytesUsed.get() > target; visited++) {
                int segment = hand;
                hand = (hand + 1) % segments;
                sweepSegment(segment, bytesUsed.get() - target);
            }
        }
    }

    /**
     * Makes room in the segment of {@code k}, which had none for an entry of {@code weight} bytes: the map is
     * full there (an entry needs contiguous chunks of one segment) even when the budget is not.
     */
    private void sweepSegmentOf(byte[] k, long weight) {
        int segment;
        try (var context = map.queryContext(k)) {
            segment = context.segmentIndex();
        }
        long toFree = Math.max(4 * weight, budget / map.segments() / 8);
        synchronized (sweeper) {
            for (int pass = 0; pass < 2 && toFree > 0; pass++) { // the first pass may only clear reference bits
                toFree -= sweepSegment(segment, toFree);
            }
        }
    }

    /**
     * Removes unreferenced entries of one segment until {@code toFree} bytes are freed; returns the bytes freed.
     * The segment keeps its own hand (an entry count into its iteration order, which starts from the same slot
     * every time): without it every sweep would start over at the same entries and evict them again and again.
     */
    private long sweepSegment(int segment, long toFree) {
        long[] freed = {0, 0}; // bytes, entries
        int start = segmentHands[segment];
        int[] index = {0};
        try (var context = map.segmentContext(segment)) {
            boolean stopped = !context.forEachSegmentEntryWhile(entry -> { // from the hand to the end
                if (index[0]++ < start) {
                    return true;
                }
                return evictUnreferenced(entry, freed, toFree);
            });
            if (!stopped && freed[0] < toFree) { // then from the beginning round to the hand
                index[0] = 0;
                stopped = !context.forEachSegmentEntryWhile(entry -> index[0]++ < start
                        && evictUnreferenced(entry, freed, toFree));
            }
            segmentHands[segment] = stopped ? index[0] : 0;
        }
        if (freed[1] > 0) {
            bytesUsed.addAndGet(-freed[0]);
            evictions.add(freed[1]);
        }
        return freed[0];
    }

    /** CLOCK at one entry: a referenced entry loses its bit, an unreferenced one goes; whether to go on. */
    private boolean evictUnreferenced(MapEntry<byte[], byte[]> entry, long[] freed, long toFree) {
        byte[] k = entry.key().get();
        if (!referenced.testAndClear(k)) {
            freed[0] += weight(k.length, (int) entry.value().size());
            freed[1]++;
            entry.doRemove();
        }
        return freed[0] < toFree;
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
