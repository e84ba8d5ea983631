package io.heliosdb.storage.memory;

import io.heliosdb.spi.KeyHash;
import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One named keyspace: keys in unsigned-byte order, each mapped to its chain of versions. */
final class Keyspace {

    /** In key order, for scans; change it only through {@link #put} and {@link #remove}. */
    final ConcurrentSkipListMap<byte[], Version> entries = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    /**
     * The same chains by key hash: a point get is one hash probe instead of a skip-list search
     * (a third of a prepared point select's CPU in a profile). Both maps change under the engine's
     * write lock, before the batch's sequence is published, so either one gives a reader a valid chain.
     */
    private final ConcurrentHashMap<HashKey, Version> byKey = new ConcurrentHashMap<>();

    /**
     * A byte[] key compared by content, hashed with {@link KeyHash}: with {@code Arrays.hashCode} the
     * row keys of consecutive integer ids share a few thousand hash values, so the map's bins turned into
     * trees of equal hashes that a get searched one by one (a third of a point select's CPU at 20,000 rows).
     */
    private record HashKey(byte[] bytes, int hash) {
        HashKey(byte[] bytes) {
            this(bytes, KeyHash.of(bytes));
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof HashKey k && k.hash == hash && Arrays.equals(k.bytes, bytes);
        }
    }

    /** The version chain of {@code key}, or null. */
    Version get(byte[] key) {
        return byKey.get(new HashKey(key));
    }

    /** Sets the chain of {@code key} (a key the caller owns: it is kept). */
    void put(byte[] key, Version chain) {
        entries.put(key, chain);
        byKey.put(new HashKey(key), chain);
    }

    void remove(byte[] key) {
        removals++;   // before the removal: a scan that sees a node gone sees the count changed (MemoryCursor)
        entries.remove(key);
        byKey.remove(new HashKey(key));
    }

    /** Flat copies of ranges that are scanned again and again between writes. */
    final ScanRuns scanRuns = new ScanRuns();

    /** Keys removed so far; written only under the engine's write lock. */
    volatile long removals;

    // Written only under the engine's write lock; volatile so that statistics read them without it.
    volatile long liveKeys;
    volatile long liveBytes;

    /** The entries in {@code [from, to)}; a {@code null} bound is open. */
    NavigableMap<byte[], Version> range(byte[] from, byte[] to, boolean reverse) {
        NavigableMap<byte[], Version> range;
        if (from != null && to != null) {
            range = Arrays.compareUnsigned(from, to) >= 0
                    ? Collections.emptyNavigableMap()
                    : entries.subMap(from, true, to, false);
        } else if (from != null) {
            range = entries.tailMap(from, true);
        } else if (to != null) {
            range = entries.headMap(to, false);
        } else {
            range = entries;
        }
        return reverse ? range.descendingMap() : range;
    }

    /** Keeps {@link #liveKeys}/{@link #liveBytes} right when {@code key} goes from {@code before} to {@code after}. */
    void account(byte[] key, byte[] before, byte[] after) {
        long keys = liveKeys;
        long bytes = liveBytes;
        if (before != null) {
            keys--;
            bytes -= key.length + before.length;
        }
        if (after != null) {
            keys++;
            bytes += key.length + after.length;
        }
        liveKeys = keys;
        liveBytes = bytes;
    }
}
