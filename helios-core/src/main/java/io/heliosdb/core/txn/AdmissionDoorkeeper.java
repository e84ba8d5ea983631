package io.heliosdb.core.txn;

import io.heliosdb.spi.KeyHash;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which read-through misses may fill the row cache: a row is cached on its second miss within a
 * window, not its first (TinyLFU's "doorkeeper"). Under a skewed load most misses are rows read once
 * in a long while; filling the cache with them costs a put (and, in a full cache, an eviction) per
 * miss and pushes out rows that are read again. A key's bit is set on its first miss; the window ends,
 * and every bit is cleared, once twice as many first misses as the cache holds entries have been
 * counted, so a row read again within about two caches' worth of other first misses is admitted.
 *
 * <p>One bit per key hash, eight bits (a byte of heap) per expected entry, no locks: a collision or a clear racing a
 * set only admits a row one miss early or late. Admission never decides what a reader sees, only
 * whether a version read from storage is also kept.
 */
final class AdmissionDoorkeeper {
    /** Bytes an entry is assumed to take when sizing the window from the cache's byte budget. */
    static final int ASSUMED_ENTRY_BYTES = 128;
    private static final int BITS_PER_ENTRY = 8;
    private static final int WINDOW_ENTRIES = 2;
    private static final long MAX_BITS = 1L << 30;

    private final AtomicLongArray words;
    private final int mask;
    private final long window;
    private final AtomicLong firstMisses = new AtomicLong();

    private AdmissionDoorkeeper(long expectedEntries) {
        long bits = Long.highestOneBit(Math.min(MAX_BITS, Math.max(64, expectedEntries * BITS_PER_ENTRY)) * 2 - 1);
        this.words = new AtomicLongArray((int) (bits / 64));
        this.mask = (int) (bits - 1);
        this.window = Math.max(1, expectedEntries * WINDOW_ENTRIES);
    }

    /** A doorkeeper for a cache of {@code capacityBytes}; null (admit every fill) when the capacity is unknown (0). */
    static AdmissionDoorkeeper forCapacity(long capacityBytes) {
        return capacityBytes <= 0 ? null : new AdmissionDoorkeeper(capacityBytes / ASSUMED_ENTRY_BYTES);
    }

    /** Whether a fill of {@code key} should go into the cache now; records the miss either way. */
    boolean admit(byte[] key) {
        int bit = index(key);
        int word = bit >>> 6;
        long flag = 1L << bit;
        if ((words.get(word) & flag) != 0) {
            return true;
        }
        words.getAndUpdate(word, w -> w | flag);
        if (firstMisses.incrementAndGet() >= window) {
            firstMisses.set(0);
            for (int i = 0; i < words.length(); i++) {
                words.set(i, 0);
            }
        }
        return false;
    }

    private int index(byte[] key) {
        return KeyHash.of(key) & mask;
    }
}
