package io.heliosdb.storage.memory;

import java.util.Arrays;

/**
 * The visible entries of one key range at one commit sequence, in key order: flat arrays of the stored keys and
 * values themselves, and the values' bytes once more, packed one after another into large arrays. A scan reads
 * them by index, and the packed bytes in address order: where walking the skip list waits for each node before
 * it can find the next, and each stored value sits on a page of its own, this streams through memory. Valid for
 * a reader at {@code s} while no write has touched the keyspace since {@code min(s, seq)} (see {@link ScanRuns}).
 * The packed copy costs the range's value bytes again, so it is only made while all of it stays below a
 * sixteenth of the heap ({@link #packs()} false otherwise).
 */
final class ScanRun {
    /** The range's lower bound (null: open) and upper bound, copies of the scan's. */
    final byte[] from;
    final byte[] to;
    /** The sequence the entries were read at. */
    final long seq;
    final byte[][] keys;
    final byte[][] values;
    final int size;
    /** Entry i's bytes again: {@code packed[i]} from {@code offsets[i]}, {@code values[i].length} long (null: none). */
    final byte[][] packed;
    final int[] offsets;
    final int[] lengths;
    /** The size of the arrays values are packed into; a longer value gets one of its own. */
    static final int CHUNK = 64 * 1024;

    private ScanRun(byte[] from, byte[] to, long seq, byte[][] keys, byte[][] values, int size) {
        this.from = from;
        this.to = to;
        this.seq = seq;
        this.keys = keys;
        this.values = values;
        this.size = size;
        long bytes = 0;
        for (int i = 0; i < size; i++) {
            bytes += values[i].length;
        }
        if (bytes > Runtime.getRuntime().maxMemory() / 16) {
            packed = null;
            offsets = null;
            lengths = null;
            return;
        }
        packed = new byte[size][];
        offsets = new int[size];
        lengths = new int[size];
        byte[] chunk = new byte[0];
        int used = 0;
        for (int i = 0; i < size; i++) {
            byte[] v = values[i];
            if (v.length > chunk.length - used) {
                chunk = new byte[(int) Math.max(v.length, Math.min(CHUNK, bytes))];
                used = 0;
            }
            System.arraycopy(v, 0, chunk, used, v.length);
            packed[i] = chunk;
            offsets[i] = used;
            lengths[i] = v.length;
            used += v.length;
            bytes -= v.length;
        }
    }

    /** Whether the values are packed too. */
    boolean packs() {
        return packed != null;
    }

    /**
     * Reads {@code [from, to)} of {@code ks} at {@code seq} (which the caller has pinned) through a skip-list scan;
     * null when the range holds more than {@code budget} entries (then nothing is kept).
     */
    static ScanRun read(MemoryStorageEngine engine, Keyspace ks, byte[] from, byte[] to, long seq, long budget) {
        // Never closed: it pins nothing, and a closed cursor would count its walk as a scan's (ScanRuns#walked).
        MemoryCursor walk = MemoryCursor.upTo(engine, ks, from, to, seq, () -> { });
        int capacity = 16_384;
        byte[][] keys = new byte[capacity][];
        byte[][] values = new byte[capacity][];
        int size = 0;
        while (true) {
            if (size > budget) {
                return null;
            }
            if (size == capacity) {
                if (capacity > Integer.MAX_VALUE / 2 - 8) {
                    return null;
                }
                capacity *= 2;
                keys = Arrays.copyOf(keys, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            int n = walk.gather(keys, values, size, (int) Math.min(capacity - size, budget + 1 - size));
            if (n == 0) {
                break;
            }
            size += n;
        }
        if (capacity - size > size / 8) {
            keys = Arrays.copyOf(keys, size);
            values = Arrays.copyOf(values, size);
        }
        return new ScanRun(from == null ? null : from.clone(), to.clone(), seq, keys, values, size);
    }

    /** Whether this run holds every entry of {@code [from, to)} ({@code from} null: from the start). */
    boolean covers(byte[] lower, byte[] upper) {
        boolean low = from == null || lower != null && Arrays.compareUnsigned(from, lower) <= 0;
        return low && Arrays.compareUnsigned(upper, to) <= 0;
    }

    /** The first index whose key is at or above {@code key} ({@code key} null: 0). */
    int lowerBound(byte[] key) {
        if (key == null) {
            return 0;
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Arrays.compareUnsigned(keys[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
