package io.heliosdb.cache;

import io.heliosdb.spi.KeyHash;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * CLOCK reference bits for the off-heap cache, kept on heap but indexed by key hash rather than
 * per entry: one bit per expected entry (times four, to make collisions rare) costs a few bytes
 * per entry, where on-heap keys would cost their whole size. A collision only lets an unused
 * entry survive one more sweep.
 */
final class ReferenceBits {

    private final AtomicLongArray words;
    private final int mask;

    ReferenceBits(long expectedEntries) {
        long bits = Long.highestOneBit(Math.max(64, Math.min(1L << 27, expectedEntries * 4)) * 2 - 1);
        this.words = new AtomicLongArray((int) (bits / 64));
        this.mask = (int) bits - 1;
    }

    void mark(byte[] key) {
        int bit = index(key);
        int word = bit >>> 6;
        long flag = 1L << bit;
        long current = words.get(word);
        if ((current & flag) == 0) { // read first: hot keys are usually marked already, spare the CAS
            words.getAndUpdate(word, w -> w | flag);
        }
    }

    /** Whether the key was used since the last sweep; clears its bit either way. */
    boolean testAndClear(byte[] key) {
        int bit = index(key);
        long flag = 1L << bit;
        return (words.getAndUpdate(bit >>> 6, w -> w & ~flag) & flag) != 0;
    }

    void clear() {
        for (int i = 0; i < words.length(); i++) {
            words.set(i, 0);
        }
    }

    private int index(byte[] key) {
        return KeyHash.of(key) & mask;
    }
}
