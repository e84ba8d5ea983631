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
    /** Open snapshots older than {@link #newestTs}, with their reader counts. */
    private final TreeMap<Long, Integer> open = new TreeMap<>();
    /**
     * Almost every snapshot is taken at the newest applied commit: its readers are counted here, so
     * a statement's snapshot costs no boxed key or tree node. Every key of {@link #open} is below it.
     */
    private long newestTs = Long.MIN_VALUE;
    private int newestCount;
    private final GroupCommitter committer;

    SnapshotRegistry(GroupCommitter committer) {
        this.committer = committer;
    }

    /** Takes and registers a snapshot at the newest fully applied commit. */
    synchronized long open() {
        long ts = committer.visibleTs();
        add(ts);
        return ts;
    }

    /** Registers one more reader of an already open snapshot. */
    synchronized void retain(long ts) {
        add(ts);
    }

    synchronized void close(long ts) {
        if (ts == newestTs && newestCount > 0) {
            newestCount--;
        } else {
            open.computeIfPresent(ts, (k, n) -> n == 1 ? null : n - 1);
        }
    }

    private void add(long ts) {
        if (ts == newestTs) {
            newestCount++;
        } else if (ts > newestTs) {
            if (newestCount > 0) {
                open.put(newestTs, newestCount);
            }
            newestTs = ts;
            newestCount = 1;
        } else {
            open.merge(ts, 1, Integer::sum);
        }
    }

    /** The oldest open snapshot, or {@code none} when no snapshot is open. */
    private long oldest(long none) {
        return !open.isEmpty() ? open.firstKey() : newestCount > 0 ? newestTs : none;
    }

    /** No open or future snapshot reads below this timestamp. */
    synchronized long horizon() {
        long visible = committer.visibleTs();
        return Math.min(oldest(visible), visible);
    }

    /** The open snapshots plus the newest applied commit (where every future snapshot starts). */
    synchronized NavigableSet<Long> readers() {
        NavigableSet<Long> readers = new TreeSet<>(open.keySet());
        if (newestCount > 0) {
            readers.add(newestTs);
        }
        readers.add(committer.visibleTs());
        return readers;
    }

    synchronized int openCount() {
        return open.values().stream().mapToInt(Integer::intValue).sum() + newestCount;
    }
}
