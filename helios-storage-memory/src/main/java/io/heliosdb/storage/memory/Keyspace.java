package io.heliosdb.storage.memory;

import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** One named keyspace: keys in unsigned-byte order, each mapped to its chain of versions. */
final class Keyspace {

    /** In key order, for scans; change it only through {@link #put} and {@link #remove}. */
    final ConcurrentSkipListMap<byte[], Version> entries = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    /**
     * The same chains by key: a point get is one hash probe instead of a skip-list search. Both change
     * under the engine's write lock, before the batch's sequence is published, so either one gives a
     * reader a valid chain.
     */
    private final ChainTable chains = new ChainTable();

    /** The version chain of {@code key}, or null. */
    Version get(byte[] key) {
        return chains.get(key);
    }

    /** Sets the chain of {@code key} (a key the caller owns: it is kept). */
    void put(byte[] key, Version chain) {
        entries.put(key, chain);
        chains.put(key, chain);
    }

    void remove(byte[] key) {
        removals++;   // before the removal: a scan that sees a node gone sees the count changed (MemoryCursor)
        entries.remove(key);
        chains.remove(key);
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
