package io.heliosdb.storage.rocks;

import java.util.Arrays;
import org.rocksdb.RocksIterator;

/**
 * Every entry of one key range of one keyspace, copied to the heap while a forward scan read them: the values in
 * the arrays the scan packed them into, the keys packed alike. A later scan of a range inside it reads these
 * arrays instead of stepping a native iterator (three JNI calls an entry). Valid only while the keyspace has
 * seen exactly {@link #writes} writes (see {@link RocksScanRuns}); never changed once built.
 */
final class RocksScanRun {
    /** The size of the arrays keys are packed into. */
    static final int KEY_CHUNK = 32 * 1024;
    /** What an entry costs beside its bytes: two array references and four ints. */
    static final int ENTRY_OVERHEAD = 24;

    final String keyspace;
    /** The range's bounds, copies of the scan's (null: open). */
    final byte[] from;
    final byte[] to;
    /** The keyspace's write count the entries belong to. */
    final long writes;
    final int size;
    final long bytes;
    private final byte[][] keyArrays;
    private final int[] keyOffsets;
    private final int[] keyLengths;
    final byte[][] valueArrays;
    final int[] valueOffsets;
    final int[] valueLengths;

    private RocksScanRun(Builder b) {
        keyspace = b.keyspace;
        from = b.from;
        to = b.to;
        writes = b.writes;
        size = b.size;
        bytes = b.bytes;
        keyArrays = Arrays.copyOf(b.keyArrays, size);
        keyOffsets = Arrays.copyOf(b.keyOffsets, size);
        keyLengths = Arrays.copyOf(b.keyLengths, size);
        valueArrays = Arrays.copyOf(b.valueArrays, size);
        valueOffsets = Arrays.copyOf(b.valueOffsets, size);
        valueLengths = Arrays.copyOf(b.valueLengths, size);
    }

    /** Whether this run holds every entry of {@code [lower, upper)} of {@code ks} (null bounds: open). */
    boolean covers(String ks, byte[] lower, byte[] upper) {
        if (!keyspace.equals(ks)) {
            return false;
        }
        boolean low = from == null || lower != null && Arrays.compareUnsigned(from, lower) <= 0;
        boolean high = to == null || upper != null && Arrays.compareUnsigned(upper, to) <= 0;
        return low && high;
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
            if (Arrays.compareUnsigned(keyArrays[mid], keyOffsets[mid], keyOffsets[mid] + keyLengths[mid],
                    key, 0, key.length) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Entry {@code i}'s key, a fresh array. */
    byte[] key(int i) {
        return Arrays.copyOfRange(keyArrays[i], keyOffsets[i], keyOffsets[i] + keyLengths[i]);
    }

    /** Collects the entries a recording scan reads; {@link #build} once the scan reached the range's end. */
    static final class Builder {
        private final String keyspace;
        private final byte[] from;
        private final byte[] to;
        private final long writes;
        private final long limit;
        private int size;
        private long bytes;
        private byte[][] keyArrays = new byte[1024][];
        private int[] keyOffsets = new int[1024];
        private int[] keyLengths = new int[1024];
        private byte[][] valueArrays = new byte[1024][];
        private int[] valueOffsets = new int[1024];
        private int[] valueLengths = new int[1024];
        private byte[] keyChunk = new byte[KEY_CHUNK];
        private int keyUsed;

        /** A recording of {@code [from, to)} at {@code writes}, given up once it would take more than {@code limit} bytes. */
        Builder(String keyspace, byte[] from, byte[] to, long writes, long limit) {
            this.keyspace = keyspace;
            this.from = from == null ? null : from.clone();
            this.to = to == null ? null : to.clone();
            this.writes = writes;
            this.limit = limit;
        }

        /**
         * Adds the entry the iterator stands on, its value already in {@code value} at {@code offset} (an array the
         * scan handed out and never changes); false when the run grew over its limit (then drop the builder).
         */
        boolean add(RocksIterator iterator, byte[] value, int offset, int length) {
            if (size == keyArrays.length) {
                grow();
            }
            int keyLength = iterator.key(keyChunk, keyUsed, keyChunk.length - keyUsed);
            if (keyLength > keyChunk.length - keyUsed) {
                keyChunk = new byte[Math.max(KEY_CHUNK, keyLength)];
                keyUsed = 0;
                keyLength = iterator.key(keyChunk, 0, keyChunk.length);
            }
            keyArrays[size] = keyChunk;
            keyOffsets[size] = keyUsed;
            keyLengths[size] = keyLength;
            keyUsed += keyLength;
            valueArrays[size] = value;
            valueOffsets[size] = offset;
            valueLengths[size] = length;
            size++;
            bytes += keyLength + length + ENTRY_OVERHEAD;
            return bytes <= limit;
        }

        private void grow() {
            int capacity = size * 2;
            keyArrays = Arrays.copyOf(keyArrays, capacity);
            keyOffsets = Arrays.copyOf(keyOffsets, capacity);
            keyLengths = Arrays.copyOf(keyLengths, capacity);
            valueArrays = Arrays.copyOf(valueArrays, capacity);
            valueOffsets = Arrays.copyOf(valueOffsets, capacity);
            valueLengths = Arrays.copyOf(valueLengths, capacity);
        }

        String keyspace() {
            return keyspace;
        }

        byte[] from() {
            return from;
        }

        byte[] to() {
            return to;
        }

        long writes() {
            return writes;
        }

        RocksScanRun build() {
            return new RocksScanRun(this);
        }
    }
}
