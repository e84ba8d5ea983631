package io.heliosdb.storage.memory;

import java.util.ArrayDeque;

/**
 * One committed value of a key, newest first. Nodes are immutable so that readers can walk a
 * chain without locks while the single writer swaps in a new head (or a pruned copy).
 *
 * @param seq      the commit sequence that wrote it
 * @param value    the bytes, or {@code null} for a delete (tombstone)
 * @param older    the previous version, or {@code null}
 * @param prunedAt the horizon this chain was last pruned at (-1: never), so an unchanged horizon costs no walk
 * @param key      the key, the very array the skip list holds it under (every version of a chain shares it): a
 *                 scan walks the versions alone and still knows its key, with no map entry made per row
 */
record Version(long seq, byte[] value, Version older, long prunedAt, byte[] key) {

    /**
     * A new newest version of {@code key} (the array the skip list holds the key under) on top of {@code older};
     * prepending keeps the chain as pruned as it was.
     */
    static Version on(byte[] key, long seq, byte[] value, Version older) {
        return new Version(seq, value, older, older == null ? -1 : older.prunedAt, key);
    }

    /** The version a reader at {@code readSeq} sees, or {@code null} if the key did not exist then. */
    Version visibleAt(long readSeq) {
        Version v = this;
        while (v != null && v.seq > readSeq) {
            v = v.older;
        }
        return v;
    }

    /**
     * This chain without the versions no reader at or after {@code horizon} can see: everything
     * older than the newest version at or below it. Iterative, as a hot key under a long-lived
     * view can collect many versions.
     */
    Version prunedTo(long horizon) {
        if (prunedAt == horizon || (older == null && value != null)) {
            return this; // a single live version: nothing a reader could do without
        }
        ArrayDeque<Version> newer = new ArrayDeque<>();
        Version v = this;
        while (v != null && v.seq > horizon) {
            newer.push(v);
            v = v.older;
        }
        Version chain = v == null ? null : new Version(v.seq, v.value, null, horizon, key);
        while (!newer.isEmpty()) {
            Version n = newer.pop();
            chain = new Version(n.seq, n.value, chain, horizon, key);
        }
        return chain;
    }

    boolean hasHistory() {
        return older != null;
    }

    int length() {
        int n = 0;
        for (Version v = this; v != null; v = v.older) {
            n++;
        }
        return n;
    }
}
