package io.heliosdb.storage.memory;

import java.util.TreeMap;

/**
 * The commit sequences that open read views (and scans) read at. Versions at or below the oldest
 * pinned sequence that are shadowed by a newer one can be pruned. Pinning and computing the horizon
 * share one monitor, so a reader never pins a sequence the writer has already pruned past.
 */
final class SnapshotPins {

    private final TreeMap<Long, Integer> pins = new TreeMap<>();
    private int open;

    /** Pins and returns the sequence {@code committed} reads now. */
    synchronized long pin(SequenceSource committed) {
        long seq = committed.committedSeq();
        pins.merge(seq, 1, Integer::sum);
        open++;
        return seq;
    }

    /** Pins a sequence that is already pinned (a scan inside a read view that may outlive it). */
    synchronized void pinAgain(long seq) {
        pins.merge(seq, 1, Integer::sum);
        open++;
    }

    synchronized void unpin(long seq) {
        pins.computeIfPresent(seq, (k, n) -> n == 1 ? null : n - 1);
        open--;
    }

    /** The oldest sequence any reader may still read, given the latest published {@code committed}. */
    synchronized long horizon(long committed) {
        return pins.isEmpty() ? committed : Math.min(pins.firstKey(), committed);
    }

    synchronized int openCount() {
        return open;
    }

    /** Where the latest committed sequence is read from. */
    interface SequenceSource {
        long committedSeq();
    }
}
