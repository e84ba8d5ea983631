package io.heliosdb.storage.memory;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * A keyspace's {@link ScanRun}s: flat copies of the key ranges that are scanned again and again while nothing
 * writes to the keyspace (an analytic table between loads). A range gets one once a scan that walked at least
 * {@link #MARK_ENTRIES} of its entries is followed by a second scan of the very same range with no write in
 * between; the second scan then reads the range into a run first. A run is read by any forward scan of a range
 * inside it, as long as no write touched the keyspace since both the run's and the reader's sequence (so both
 * see the same newest versions); any write drops them all.
 *
 * <p>Building costs a walk of the range. So that scans which stop early (a LIMIT over a large table) do not
 * pay for walks of whole ranges, a build may walk at most twice what scans walked in this keyspace since the
 * last write, and a build that ran over doubles what the next one needs: builds cost at most a constant share
 * of the scans themselves.
 */
final class ScanRuns {
    /** A scan that walked this many entries marks its range as worth a run. */
    static final int MARK_ENTRIES = 16_384;
    private static final int SLOTS = 4;
    private static final int MARKS = 16;
    private static final ScanRun[] NONE = {};

    private record Mark(byte[] from, byte[] to, long writeSeq) {
        boolean is(byte[] lower, byte[] upper, long write) {
            return writeSeq == write && Arrays.equals(from, lower) && Arrays.equals(to, upper);
        }
    }

    /** The sequence of the last batch that wrote to the keyspace (set before that batch is published). */
    private volatile long lastWriteSeq;
    private volatile ScanRun[] runs = NONE;
    private volatile Mark[] marks = new Mark[0];
    /** Entries that closed scans walked since the last write. */
    private final LongAdder walked = new LongAdder();
    /** What {@link #walked} must reach (twice over) before the next build is tried. */
    private volatile long buildFloor;

    long lastWriteSeq() {
        return lastWriteSeq;
    }

    /** A batch with sequence {@code seq} writes to the keyspace: called under the engine's write lock, per entry. */
    void written(long seq) {
        if (lastWriteSeq == seq) {
            return;
        }
        lastWriteSeq = seq;   // first: a build that finishes after this sees it and keeps nothing
        walked.reset();
        buildFloor = 0;
        if (runs.length > 0) {
            synchronized (this) {
                runs = NONE;
            }
        }
    }

    /** A run that serves a forward scan of {@code [from, to)} at {@code seq}, or null. */
    ScanRun find(byte[] from, byte[] to, long seq) {
        ScanRun[] rs = runs;
        if (rs.length == 0) {
            return null;
        }
        long write = lastWriteSeq;
        for (ScanRun r : rs) {
            if (write <= Math.min(seq, r.seq) && r.covers(from, to)) {
                return r;
            }
        }
        return null;
    }

    /** How many entries a build of {@code [from, to)} at {@code seq} may walk, or 0 when none is due. */
    long buildBudget(byte[] from, byte[] to, long seq) {
        long write = lastWriteSeq;
        if (write > seq) {
            return 0;
        }
        for (Mark m : marks) {
            if (m.is(from, to, write)) {
                long budget = 2 * walked.sum();
                return budget >= MARK_ENTRIES && budget >= buildFloor ? budget : 0;
            }
        }
        return 0;
    }

    /** Keeps {@code run} unless a write came since it was read (the oldest run makes room). */
    synchronized void built(ScanRun run) {
        if (lastWriteSeq > run.seq) {
            return;
        }
        ScanRun[] rs = runs;
        ScanRun[] next = Arrays.copyOfRange(rs, rs.length < SLOTS ? 0 : 1, rs.length + 1);
        next[next.length - 1] = run;
        runs = next;
    }

    /** A build of {@code budget} entries ran over: the next one waits until the scans walked twice as much. */
    void overBudget(long budget) {
        buildFloor = 2 * budget;
    }

    /**
     * A forward scan of {@code [from, to)} that started when the last write was {@code writeSeq} closed after
     * walking {@code entries} entries.
     */
    void scanned(byte[] from, byte[] to, long writeSeq, long entries) {
        walked.add(entries);
        if (entries < MARK_ENTRIES || writeSeq != lastWriteSeq) {
            return;
        }
        synchronized (this) {
            Mark[] ms = marks;
            for (Mark m : ms) {
                if (m.is(from, to, writeSeq)) {
                    return;
                }
            }
            Mark[] next = Arrays.copyOfRange(ms, ms.length < MARKS ? 0 : 1, ms.length + 1);
            next[next.length - 1] = new Mark(from == null ? null : from.clone(), to.clone(), writeSeq);
            marks = next;
        }
    }
}
