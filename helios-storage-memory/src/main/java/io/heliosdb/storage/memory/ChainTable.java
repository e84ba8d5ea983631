package io.heliosdb.storage.memory;

import io.heliosdb.spi.KeyHash;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The version chains of one keyspace by key: an open-addressing table (linear probing, power-of-two size)
 * whose slots hold the chain heads themselves, matched by {@link Version#key()}. A point get follows
 * slot, head, key bytes and value, where a ConcurrentHashMap of wrapped keys also went through its node and
 * the wrapper (two more cache misses per get once the table outgrows the CPU caches: 1M-row point selects).
 *
 * <p>One writer (the engine's write lock) changes it; readers probe without locks. A slot once filled
 * holds a chain of the same key, or {@link #REMOVED}, until the writer copies the table into a new
 * array and publishes that; it never becomes empty again, so a reader that meets an empty slot knows the
 * key is absent. A reader still probing an array the writer replaced sees the chains as they were at
 * the copy, a state the store was in during its probe (nothing changes while the writer copies).
 */
final class ChainTable {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Version[].class);
    /** A removed key's slot: probes pass over it, and the writer may fill it with a new key. */
    private static final Version REMOVED = new Version(Long.MIN_VALUE, null, null, -1, new byte[0]);
    private static final int MIN_SIZE = 16;

    /** Never more than half full (live and removed slots), so every probe ends at an empty slot. */
    private volatile Version[] slots = new Version[MIN_SIZE];
    /** Slots holding a chain or {@link #REMOVED}; writer only. */
    private int filled;
    /** Slots holding a chain; writer only. */
    private int live;

    /** The chain of {@code key}, or null. */
    Version get(byte[] key) {
        Version[] table = slots;
        int mask = table.length - 1;
        for (int i = KeyHash.of(key) & mask; ; i = (i + 1) & mask) {
            Version v = (Version) SLOT.getAcquire(table, i);
            if (v == null) {
                return null;
            }
            if (v != REMOVED && Arrays.equals(v.key(), key)) {
                return v;
            }
        }
    }

    /** Sets the chain of {@code key} (whose versions all carry the key array the table matches). Writer only. */
    void put(byte[] key, Version chain) {
        Version[] table = slots;
        int mask = table.length - 1;
        int free = -1;
        int i = KeyHash.of(key) & mask;
        for (Version v; (v = table[i]) != null; i = (i + 1) & mask) {
            if (v == REMOVED) {
                if (free < 0) {
                    free = i;
                }
            } else if (Arrays.equals(v.key(), key)) {
                SLOT.setRelease(table, i, chain);
                return;
            }
        }
        live++;
        if (free >= 0) {
            SLOT.setRelease(table, free, chain);
            return;
        }
        if (2 * (filled + 1) > table.length) {
            table = copied(table);
            slots = table; // publishes the copy and every slot written into it
            mask = table.length - 1;
            i = KeyHash.of(key) & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
        }
        filled++;
        SLOT.setRelease(table, i, chain);
    }

    /** Drops {@code key}'s chain. Writer only. */
    void remove(byte[] key) {
        Version[] table = slots;
        int mask = table.length - 1;
        for (int i = KeyHash.of(key) & mask; ; i = (i + 1) & mask) {
            Version v = table[i];
            if (v == null) {
                return;
            }
            if (v != REMOVED && Arrays.equals(v.key(), key)) {
                SLOT.setRelease(table, i, REMOVED);
                live--;
                return;
            }
        }
    }

    /** The live chains in a new array at most a quarter full (removed slots left behind); sets {@link #filled}. */
    private Version[] copied(Version[] table) {
        int size = MIN_SIZE;
        while (size < 4 * live) {
            size <<= 1;
        }
        Version[] copy = new Version[size];
        int mask = size - 1;
        int n = 0;
        for (Version v : table) {
            if (v != null && v != REMOVED) {
                int i = KeyHash.of(v.key()) & mask;
                while (copy[i] != null) {
                    i = (i + 1) & mask;
                }
                copy[i] = v;
                n++;
            }
        }
        filled = n;
        return copy;
    }

    /** Keys with a chain. */
    int size() {
        return live;
    }

    /** Slots of the current array (for tests of growth and reuse). */
    int capacity() {
        return slots.length;
    }
}
