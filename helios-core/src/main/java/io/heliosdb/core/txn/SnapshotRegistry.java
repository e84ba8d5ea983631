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

    /**
     * {@link #open()}, but at {@code floor} when that is higher: a commit written but not yet durable under
     * early lock release (see {@link Transaction#raiseReadFloor}); -1 for none.
     */
    synchronized long open(long floor) {
        // Never above the applied mark: a commit seen in storage before its group's callbacks ran (a lock mode
        // compatible with its writer's) is not readable yet; the statement then restarts until it is.
        long ts = Math.max(committer.visibleTs(), Math.min(floor, committer.appliedTs()));
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
        return readersAndStart().readers();
    }

    /**
     * The open snapshots and {@code futureStart}, the visible commit at which every snapshot opened from now
     * on starts or above (included in the set). A snapshot at a read floor may lie above it, so the set's
     * last element is not that start.
     */
    record Readers(NavigableSet<Long> readers, long futureStart) {
    }

    synchronized Readers readersAndStart() {
        NavigableSet<Long> readers = new TreeSet<>(open.keySet());
        if (newestCount > 0) {
            readers.add(newestTs);
        }
        long visible = committer.visibleTs();
        readers.add(visible);
        return new Readers(readers, visible);
    }

    synchronized int openCount() {
        return open.values().stream().mapToInt(Integer::intValue).sum() + newestCount;
    }
}
