package io.heliosdb.core.txn;

import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The snapshots open now, so vacuum knows the oldest commit timestamp anyone may still read at.
 * Taking a snapshot and computing the horizon share one monitor: a snapshot is never taken below a
 * horizon that vacuum is already acting on.
 */
final class SnapshotRegistry {
    private final TreeMap<Long, Integer> open = new TreeMap<>();
    private final GroupCommitter committer;

    SnapshotRegistry(GroupCommitter committer) {
        this.committer = committer;
    }

    /** Takes and registers a snapshot at the newest fully applied commit. */
    synchronized long open() {
        long ts = committer.visibleTs();
        open.merge(ts, 1, Integer::sum);
        return ts;
    }

    /** Registers one more reader of an already open snapshot. */
    synchronized void retain(long ts) {
        open.merge(ts, 1, Integer::sum);
    }

    synchronized void close(long ts) {
        open.computeIfPresent(ts, (k, n) -> n == 1 ? null : n - 1);
    }

    /** No open or future snapshot reads below this timestamp. */
    synchronized long horizon() {
        long visible = committer.visibleTs();
        return open.isEmpty() ? visible : Math.min(open.firstKey(), visible);
    }

    /** The open snapshots plus the newest applied commit (where every future snapshot starts). */
    synchronized NavigableSet<Long> readers() {
        NavigableSet<Long> readers = new TreeSet<>(open.keySet());
        readers.add(committer.visibleTs());
        return readers;
    }

    synchronized int openCount() {
        return open.values().stream().mapToInt(Integer::intValue).sum();
    }
}
