package io.heliosdb.storage.lmdb;

/**
 * The size of LMDB's memory map. The map is reserved address space, not memory, so starting
 * small and growing geometrically (capped steps) keeps small databases small on disk while a
 * large load pays only a logarithmic number of growths (the map doubles, by at most 1 GiB a step).
 */
final class MapSizing {

    static final long MIB = 1L << 20;
    static final long DEFAULT_INITIAL = 64 * MIB;
    static final long MIN_STEP = MIB;
    static final long MAX_STEP = 1L << 30;
    /** Beyond this a batch is refused rather than growing the map forever. */
    static final long MAX_MAP = 1L << 40;

    private MapSizing() {
    }

    /** The map size to open with: at least {@code initial}, and room to grow past the existing data file. */
    static long initial(long initial, long dataFileBytes) {
        long size = Math.max(initial, dataFileBytes == 0 ? 0 : next(dataFileBytes));
        return roundUp(size);
    }

    /** The size after one growth from {@code current}. */
    static long next(long current) {
        long step = Math.min(MAX_STEP, Math.max(MIN_STEP, current));
        return roundUp(current + step);
    }

    private static long roundUp(long bytes) {
        return (bytes + MIB - 1) / MIB * MIB;
    }
}
