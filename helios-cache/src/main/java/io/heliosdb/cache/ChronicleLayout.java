package io.heliosdb.cache;

import net.openhft.chronicle.map.ChronicleMap;

/**
 * How the off-heap cache lays out Chronicle Map's memory so that the map occupies its byte budget. Chronicle
 * reserves a map's memory when it is created, sized from expected entry counts and sizes, and by default adds
 * extra "tiers" when a segment fills (up to several times the first size). Here the layout is explicit: a
 * number of segments, {@value #CHUNK}-byte chunks per segment (an entry takes whole chunks for its size fields,
 * key and value) and a hash lookup for half as many entries as chunks; tiering is off, so the memory is
 * fixed. The entry space is first guessed as {@value #ENTRY_SPACE_SHARE} of the budget (the rest holds the
 * hash lookups, free lists and headers) and corrected once from the memory the first map reserved.
 */
record ChronicleLayout(int segments, long chunksPerSegment) {
    static final int CHUNK = 32;
    static final double ENTRY_SPACE_SHARE = 0.85;
    /** The smallest segment worth its own lock: small caches get fewer segments, not tiny ones. */
    static final long MIN_SEGMENT_BYTES = 64 * 1024;
    static final int MAX_SEGMENTS = 64;
    static final long MIN_CHUNKS = 256;
    /** How far the reserved memory may differ from the budget before the map is made again with a corrected size. */
    static final double RESIZE_TOLERANCE = 0.03;

    static ChronicleLayout forBudget(long budget, double entrySpaceShare) {
        int segments = (int) Math.max(1, Math.min(MAX_SEGMENTS, Long.highestOneBit(Math.max(1, budget / MIN_SEGMENT_BYTES))));
        long chunks = Math.max(MIN_CHUNKS, (long) (budget * entrySpaceShare / segments / CHUNK));
        return new ChronicleLayout(segments, chunks);
    }

    long entriesPerSegment() {
        return chunksPerSegment / 2;
    }

    long entries() {
        return segments * entriesPerSegment();
    }

    long entrySpaceBytes() {
        return segments * chunksPerSegment * CHUNK;
    }

    ChronicleMap<byte[], byte[]> create() {
        return ChronicleMap.of(byte[].class, byte[].class)
                .name("helios-cache")
                .averageKeySize(24)
                .averageValueSize(40)
                .entries(entries())
                // Chronicle's segment locks spin: enough segments keep threads off each other's,
                // and smaller segments make each eviction sweep step finer
                .actualSegments(segments)
                .entriesPerSegment(entriesPerSegment())
                .actualChunkSize(CHUNK)
                .actualChunksPerSegmentTier(chunksPerSegment)
                .allowSegmentTiering(false)
                .create();
    }

    /**
     * A map for {@code budget}: made once with the guessed entry space, and once more with the entry space
     * scaled by how far the memory the first reserved missed the budget.
     */
    static Sized open(long budget) {
        ChronicleLayout layout = forBudget(budget, ENTRY_SPACE_SHARE);
        ChronicleMap<byte[], byte[]> map = layout.create();
        long reserved = map.offHeapMemoryUsed();
        if (Math.abs(reserved - budget) > budget * RESIZE_TOLERANCE) {
            double share = ENTRY_SPACE_SHARE * budget / reserved;
            ChronicleLayout corrected = forBudget(budget, share);
            if (!corrected.equals(layout)) {
                ChronicleMap<byte[], byte[]> second = corrected.create();
                long secondReserved = second.offHeapMemoryUsed();
                // the lookup grows in powers of two, so the correction can overshoot: keep the closer one
                if (Math.abs(secondReserved - budget) < Math.abs(reserved - budget)) {
                    map.close();
                    return new Sized(corrected, second, secondReserved);
                }
                second.close();
            }
        }
        return new Sized(layout, map, reserved);
    }

    /** A map and the layout it was made with. */
    record Sized(ChronicleLayout layout, ChronicleMap<byte[], byte[]> map, long reservedBytes) {
        /** Reserved memory per byte of entry space: what a chunk really costs, its share of the lookup included. */
        double costPerEntryByte() {
            return reservedBytes / (double) layout.entrySpaceBytes();
        }
    }

    /** Entry space an entry takes: its two size fields (stop-bit encoded), key and value, in whole chunks. */
    static long chunkBytes(int keyLength, int valueLength) {
        long raw = stopBitLength(keyLength) + keyLength + stopBitLength(valueLength) + valueLength;
        return (raw + CHUNK - 1) / CHUNK * CHUNK;
    }

    /** Bytes of Chronicle's stop-bit encoding of a length: seven bits per byte. */
    static int stopBitLength(int length) {
        int bytes = 1;
        for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
            bytes++;
        }
        return bytes;
    }
}
