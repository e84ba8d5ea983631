package io.heliosdb.storage.rocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's {@link RocksScanRun}s: heap copies of key ranges that are scanned again and again while nothing
 * writes to their keyspace (an analytic table between loads). A forward scan that read a whole range of at least
 * {@link #MARK_ENTRIES} entries marks it; the next scan of the very same range with no write in between records
 * what it reads; the scans after it read the recording. Any write to a keyspace drops its runs and marks.
 *
 * <p>When a run may serve a reader. Each keyspace counts the writes that started and those that finished; a
 * writer also notes the newest sequence number after its batch. A run holds the keyspace as it was after its
 * {@code writes}-th write, with none in progress while it was read. A reader may use it when the keyspace still
 * counts that many writes, none in progress, and the reader sees all of them: a reader of the newest data always,
 * a snapshot when its sequence number is at or above the noted one (so the snapshot's keyspace is the run's).
 * The runs together stay under {@link #budget} bytes, the oldest making room.
 */
final class RocksScanRuns {
    /** A completed scan of this many entries marks its range. */
    static final int MARK_ENTRIES = 16_384;
    private static final int MARKS = 32;
    private static final RocksScanRun[] NONE = {};

    private record Mark(String keyspace, byte[] from, byte[] to, long writes, boolean oversized) {
        boolean is(String ks, byte[] lower, byte[] upper, long count) {
            return writes == count && keyspace.equals(ks) && Arrays.equals(from, lower) && Arrays.equals(to, upper);
        }
    }

    private static final class Writes {
        final AtomicLong started = new AtomicLong();
        final AtomicLong finished = new AtomicLong();
        /** The newest sequence number after the last finished write (at or above that write's own). */
        volatile long lastSeq;
    }

    private final long budget;
    private final ConcurrentHashMap<String, Writes> writes = new ConcurrentHashMap<>();
    private volatile RocksScanRun[] runs = NONE;
    private volatile Mark[] marks = new Mark[0];
    /** Scans read from a run. */
    private final java.util.concurrent.atomic.LongAdder served = new java.util.concurrent.atomic.LongAdder();

    RocksScanRuns(long budget) {
        this.budget = budget;
    }

    /** The runs' budget for a JVM: an eighth of the heap. */
    static long heapBudget() {
        return Runtime.getRuntime().maxMemory() / 8;
    }

    private Writes writes(String keyspace) {
        return writes.computeIfAbsent(keyspace, k -> new Writes());
    }

    /** A batch writing to {@code keyspaces} is about to be applied. */
    void beginWrite(List<String> keyspaces) {
        for (String keyspace : keyspaces) {
            writes(keyspace).started.incrementAndGet();
        }
    }

    /** The batch begun with {@link #beginWrite} was applied (or failed); {@code seq} is the newest sequence since. */
    void endWrite(List<String> keyspaces, long seq) {
        for (String keyspace : keyspaces) {
            Writes w = writes(keyspace);
            if (w.lastSeq < seq) {
                w.lastSeq = seq; // before finished: a reader that sees the count sees this too
            }
        }
        drop(keyspaces);
        for (String keyspace : keyspaces) {
            writes(keyspace).finished.incrementAndGet();
        }
    }

    private void drop(List<String> keyspaces) {
        if (!holdsAny(keyspaces)) {
            return; // the common write: nothing of its keyspaces kept, no lock, no copy
        }
        synchronized (this) {
            runs = Arrays.stream(runs).filter(r -> !keyspaces.contains(r.keyspace)).toArray(RocksScanRun[]::new);
            marks = Arrays.stream(marks).filter(m -> !keyspaces.contains(m.keyspace)).toArray(Mark[]::new);
        }
    }

    private boolean holdsAny(List<String> keyspaces) {
        for (RocksScanRun r : runs) {
            if (keyspaces.contains(r.keyspace)) {
                return true;
            }
        }
        for (Mark m : marks) {
            if (keyspaces.contains(m.keyspace)) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many writes {@code keyspace} has seen, when none is in progress and a reader at {@code snapshotSeq}
     * ({@link Long#MAX_VALUE}: the newest data) sees them all; -1 otherwise (then no run serves nor is recorded).
     */
    long stableWrites(String keyspace, long snapshotSeq) {
        Writes w = writes(keyspace);
        long finished = w.finished.get(); // first: a write that starts and ends between the two reads shows
        long started = w.started.get();
        if (started != finished || w.lastSeq > snapshotSeq) {
            return -1;
        }
        return finished;
    }

    /** A run holding {@code [from, to)} of {@code keyspace} after {@code count} writes (see {@link #stableWrites}), or null. */
    RocksScanRun find(String keyspace, byte[] from, byte[] to, long count) {
        for (RocksScanRun r : runs) {
            if (r.writes == count && r.covers(keyspace, from, to)) {
                served.increment();
                return r;
            }
        }
        return null;
    }

    /** Whether a scan of {@code [from, to)} after {@code count} writes should record a run. */
    boolean due(String keyspace, byte[] from, byte[] to, long count) {
        for (Mark m : marks) {
            if (m.is(keyspace, from, to, count)) {
                return !m.oversized;
            }
        }
        return false;
    }

    /** The most a recording may take. */
    long budget() {
        return budget;
    }

    /** A forward scan read all of {@code [from, to)} ({@code entries} entries) after {@code count} writes. */
    void scanned(String keyspace, byte[] from, byte[] to, long count, long entries) {
        if (entries >= MARK_ENTRIES) {
            mark(new Mark(keyspace, copy(from), copy(to), count, false));
        }
    }

    /** A recording of {@code [from, to)} outgrew the budget: that range is not recorded again until a write. */
    void oversized(String keyspace, byte[] from, byte[] to, long count) {
        mark(new Mark(keyspace, copy(from), copy(to), count, true));
    }

    private synchronized void mark(Mark mark) {
        if (stableWrites(mark.keyspace, Long.MAX_VALUE) != mark.writes) {
            return;
        }
        List<Mark> next = new ArrayList<>();
        for (Mark m : marks) {
            if (!m.is(mark.keyspace, mark.from, mark.to, mark.writes)) {
                next.add(m);
            }
        }
        next.add(mark);
        marks = next.subList(Math.max(0, next.size() - MARKS), next.size()).toArray(Mark[]::new);
    }

    /** Keeps {@code run} unless its keyspace was written since it was read; the oldest runs make room. */
    synchronized void built(RocksScanRun run) {
        if (stableWrites(run.keyspace, Long.MAX_VALUE) != run.writes || run.bytes > budget) {
            return;
        }
        List<RocksScanRun> next = new ArrayList<>(Arrays.asList(runs));
        next.removeIf(r -> stableWrites(r.keyspace, Long.MAX_VALUE) != r.writes || run.covers(r.keyspace, r.from, r.to));
        next.add(run);
        long total = next.stream().mapToLong(r -> r.bytes).sum();
        while (total > budget) {
            total -= next.remove(0).bytes;
        }
        runs = next.toArray(RocksScanRun[]::new);
        List<Mark> left = new ArrayList<>(Arrays.asList(marks));
        left.removeIf(m -> m.is(run.keyspace, run.from, run.to, run.writes));
        marks = left.toArray(Mark[]::new);
    }

    /** The bytes the runs hold now. */
    long bytes() {
        return Arrays.stream(runs).mapToLong(r -> r.bytes).sum();
    }

    int count() {
        return runs.length;
    }

    /** How many scans read a run instead of the database. */
    long served() {
        return served.sum();
    }

    synchronized void clear() {
        runs = NONE;
        marks = new Mark[0];
    }

    private static byte[] copy(byte[] bound) {
        return bound == null ? null : bound.clone();
    }
}
