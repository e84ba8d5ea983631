package io.heliosdb.core.txn.ssi;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Serializable snapshot isolation (Cahill et al.; Ports and Grittner, VLDB 2012) over the kernel's snapshot
 * isolation. SERIALIZABLE transactions record what they read ({@link ReadSet}) and publish what they write
 * ({@link WriteSet}); a read of a key a concurrent transaction wrote, unseen, or a write of a key a concurrent
 * transaction read, is an rw-antidependency edge reader -> writer. Every cycle in the serialization graph of
 * snapshot isolation holds a "dangerous structure" T1 -> T2 -> T3 of two such edges between concurrent
 * transactions with T3 committing first; when one appears, a transaction that has not committed is cancelled
 * with 40001 (the pivot T2 where it can be, as PostgreSQL does). False positives are possible (coarsened locks,
 * a structure that is no cycle), lost anomalies are not. Only SERIALIZABLE transactions come here: the other
 * levels pay nothing. One lock guards everything; a committed transaction's records are kept until no
 * transaction that was concurrent with it is still running.
 */
public final class SsiTracker {
    /** How often a safe-snapshot waiter looks for a cancel (an ending transaction wakes it at once). */
    private static final long SAFE_SNAPSHOT_POLL_MILLIS = 20;
    private final Object lock = new Object();
    /** Ordering of prepares and commits; begin and snapshot read it. */
    private long seq;
    /** Every transaction not yet released: running, prepared, or committed and still overlapping a running one. */
    private final List<SerializableTransaction> tracked = new ArrayList<>();
    /**
     * Committed transactions kept (for the running ones they overlap) beyond which the oldest half is folded into
     * one summary record, so that memory stays bounded while a long SERIALIZABLE transaction runs.
     */
    static final int MAX_KEPT_COMMITTED = 1024;
    /**
     * Approximate heap bytes ({@link Footprint}) of the committed records kept beyond which the oldest are folded
     * into the summary too: a record may hold up to {@link WriteSet#MAX_KEYS} written keys (some 5 MB), so the
     * number alone bounded nothing useful.
     */
    static final long MAX_KEPT_BYTES = 32L << 20;
    /** Written keys the summary keeps before coarsening them to relations (its reads are bounded by ReadSet's). */
    static final int SUMMARY_MAX_WRITE_KEYS = 4096;
    /** The id of a summary record (transaction ids are positive). */
    static final long SUMMARY_ID = -1;
    /** The record the oldest committed transactions were folded into, while it is kept; else null. */
    private SerializableTransaction summary;
    /**
     * READ ONLY transactions whose snapshot is not yet known safe or unsafe: DEFERRABLE ones waiting for it, and
     * running ones that are released from tracking once it proves safe ({@link #watchReadOnly}).
     */
    private final List<SerializableTransaction> safeSnapshotWaiters = new ArrayList<>();
    /** The threads that wait for a safe snapshot now (pg_stat_activity and the isolation tester look). */
    private final Set<Thread> waitingThreads = ConcurrentHashMap.newKeySet();

    static boolean tracked(String keyspace) {
        return keyspace.equals(CatalogKeys.ROWS) || keyspace.equals(CatalogKeys.INDEXES);
    }

    /** Registers a transaction before it takes its snapshot. */
    public SerializableTransaction begin(long id, boolean readOnly) {
        synchronized (lock) {
            SerializableTransaction t = new SerializableTransaction(this, id, readOnly, seq);
            tracked.add(t);
            return t;
        }
    }

    /** The transaction's snapshot, just taken. */
    public void snapshotTaken(SerializableTransaction t, long snapshotTs) {
        synchronized (lock) {
            t.snapshotTs = snapshotTs;
            t.snapshotSeq = seq;
        }
    }

    /**
     * For a READ ONLY DEFERRABLE transaction that just took its snapshot ({@link #snapshotTaken}): waits until
     * the snapshot is known safe (true) or unsafe (false: the caller takes a new one), as PostgreSQL's
     * GetSafeSnapshot does. It is safe when every read-write serializable transaction running then (whose
     * commit it does not see) has ended without committing a write while it had a conflict out to a
     * transaction whose commit the snapshot sees: then no anomaly can involve a transaction reading it, which
     * therefore needs no tracking and never fails with 40001. {@code check} runs between waits and may throw
     * (a cancel, the statement timeout).
     */
    public boolean awaitSafeSnapshot(SerializableTransaction t, Runnable check) {
        synchronized (lock) {
            Set<SerializableTransaction> concurrent = concurrentWriters(t);
            if (concurrent.isEmpty()) {
                return true;
            }
            t.possibleUnsafe = concurrent;
            safeSnapshotWaiters.add(t);
            Thread me = Thread.currentThread();
            t.waitingThread = me;
            waitingThreads.add(me);
            try {
                while (!t.unsafe && !t.possibleUnsafe.isEmpty()) {
                    check.run();
                    lock.wait(SAFE_SNAPSHOT_POLL_MILLIS);
                }
                return !t.unsafe;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            } finally {
                waitingThreads.remove(me);
                safeSnapshotWaiters.remove(t);
                t.possibleUnsafe = null;
                t.waitingThread = null;
            }
        }
    }

    /**
     * For a READ ONLY transaction (not DEFERRABLE) that just took its snapshot ({@link #snapshotTaken}): as in
     * PostgreSQL, it is released from tracking once its snapshot is proven safe ({@link #awaitSafeSnapshot} says
     * when), at once when no read-write serializable transaction runs concurrently, else when the last of those
     * ends. From then on its reads record nothing, it holds back no committed record, and it never fails with
     * 40001. An unsafe snapshot keeps it tracked to its end.
     */
    public void watchReadOnly(SerializableTransaction t) {
        synchronized (lock) {
            if (!t.readOnly || t.finished()) {
                return;
            }
            Set<SerializableTransaction> concurrent = concurrentWriters(t);
            if (concurrent.isEmpty()) {
                releaseAsSafe(t);
                return;
            }
            t.possibleUnsafe = concurrent;
            safeSnapshotWaiters.add(t);
        }
    }

    /** The read-write transactions running when {@code t} took its snapshot whose commits it does not see. */
    private Set<SerializableTransaction> concurrentWriters(SerializableTransaction t) {
        Set<SerializableTransaction> concurrent = new HashSet<>();
        for (SerializableTransaction other : tracked) {
            if (other != t && !other.finished() && !other.readOnly && other.invisibleTo(t)) {
                concurrent.add(other);
            }
        }
        return concurrent;
    }

    /** Drops {@code t} and its conflict edges from the tracker. */
    private void untrack(SerializableTransaction t) {
        for (SerializableTransaction other : t.in) {
            other.out.remove(t);
        }
        for (SerializableTransaction other : t.out) {
            other.in.remove(t);
        }
        t.in.clear();
        t.out.clear();
        tracked.remove(t);
    }

    /** A READ ONLY transaction with a safe snapshot leaves the tracker: no anomaly can involve it. */
    private void releaseAsSafe(SerializableTransaction t) {
        t.safe = true;
        untrack(t);
        t.reads.clear();
    }

    /** A watched READ ONLY transaction ended before its snapshot was decided: it stops watching. */
    private void stopWatching(SerializableTransaction t) {
        if (t.possibleUnsafe != null && t.waitingThread == null) {
            safeSnapshotWaiters.remove(t);
            t.possibleUnsafe = null;
        }
    }

    /** Whether {@code thread} waits for a safe snapshot (READ ONLY DEFERRABLE) now. */
    public boolean awaitsSafeSnapshot(Thread thread) {
        return !waitingThreads.isEmpty() && waitingThreads.contains(thread);
    }

    /** A read-write transaction ended: the safe-snapshot waiters it concerned learn whether it made theirs unsafe. */
    private void endedForSafeSnapshots(SerializableTransaction ended) {
        if (safeSnapshotWaiters.isEmpty()) {
            return;
        }
        boolean released = false;
        for (java.util.Iterator<SerializableTransaction> it = safeSnapshotWaiters.iterator(); it.hasNext(); ) {
            SerializableTransaction waiter = it.next();
            if (waiter.possibleUnsafe.remove(ended) && ended.committed() && !ended.writes.isEmpty()
                    && conflictOutToCommitSeenBy(ended, waiter)) {
                waiter.unsafe = true;
            }
            if (!waiter.unsafe && !waiter.possibleUnsafe.isEmpty()) {
                continue;
            }
            if (waiter.waitingThread != null) {
                waitingThreads.remove(waiter.waitingThread);   // decided: it no longer waits, though not yet awake
            } else {
                // A running READ ONLY transaction: released when safe; when unsafe it stays tracked to its end.
                it.remove();
                waiter.possibleUnsafe = null;
                if (!waiter.unsafe) {
                    releaseAsSafe(waiter);
                    released = true;
                }
            }
        }
        if (released) {
            release();   // the released ones held back no committed record any more
        }
        lock.notifyAll();
    }

    /** Whether {@code writer} read past the write of a transaction whose commit {@code reader}'s snapshot sees. */
    private static boolean conflictOutToCommitSeenBy(SerializableTransaction writer, SerializableTransaction reader) {
        // Released ones are summarised by their earliest prepare: one seen must have prepared before the snapshot.
        if (writer.releasedOutPrepareSeq <= reader.snapshotSeq) {
            return true;
        }
        for (SerializableTransaction t3 : writer.out) {
            long ts = t3.commitTs;
            // A summary's commit is its latest; it may hold one seen if any of them prepared before the snapshot.
            if (t3.id == SUMMARY_ID ? t3.prepareSeq <= reader.snapshotSeq : ts >= 0 && ts <= reader.snapshotTs) {
                return true;
            }
        }
        return false;
    }

    /** A victim fails at its next statement. */
    public void checkNotDoomed(SerializableTransaction t) {
        synchronized (lock) {
            if (t.doomed) {
                throw SerializationFailures.pivotDuringRead();
            }
        }
    }

    /** Approximate heap bytes of every record the tracker holds ({@link Footprint}). */
    public long approximateBytes() {
        synchronized (lock) {
            long total = 0;
            for (SerializableTransaction t : tracked) {
                total += t.approximateBytes();
            }
            return total;
        }
    }

    /** Approximate heap bytes of the summary record, 0 when there is none. */
    long summaryBytes() {
        synchronized (lock) {
            return summary == null ? 0 : summary.approximateBytes();
        }
    }

    /** How many transactions the tracker holds (running, or committed and still needed). */
    public int trackedCount() {
        synchronized (lock) {
            return tracked.size();
        }
    }

    void readPoint(SerializableTransaction reader, String keyspace, byte[] key) {
        synchronized (lock) {
            if (reader.safe) {
                return;
            }
            if (reader.doomed) {
                throw SerializationFailures.pivotDuringRead();
            }
            // Looked for writers even when the key was read before: a coarsened lock may cover it unread.
            reader.reads.addPoint(keyspace, key);
            for (int i = 0; i < tracked.size(); i++) {
                SerializableTransaction writer = tracked.get(i);
                if (writer != reader && writer.state != SerializableTransaction.State.ABORTED
                        && !reader.out.contains(writer) && writer.invisibleTo(reader)
                        && writer.writes.contains(keyspace, key)) {
                    flagConflict(reader, writer, reader, Phase.READ);
                }
            }
        }
    }

    void readRange(SerializableTransaction reader, KeyRange range) {
        synchronized (lock) {
            if (reader.safe) {
                return;
            }
            if (reader.doomed) {
                throw SerializationFailures.pivotDuringRead();
            }
            reader.reads.addRange(range);
            for (int i = 0; i < tracked.size(); i++) {
                SerializableTransaction writer = tracked.get(i);
                if (writer != reader && writer.state != SerializableTransaction.State.ABORTED
                        && !reader.out.contains(writer) && writer.invisibleTo(reader)
                        && writer.writes.intersects(range)) {
                    flagConflict(reader, writer, reader, Phase.READ);
                }
            }
        }
    }

    /**
     * A statement of {@code writer} wrote the keys {@code written} hands out (keyspace, key): publishes them and
     * finds the concurrent transactions that read them (PostgreSQL's conflict-in check at write time).
     */
    public void wrote(SerializableTransaction writer, Consumer<BiConsumer<String, byte[]>> written) {
        synchronized (lock) {
            if (writer.doomed) {
                throw SerializationFailures.failure("Canceled on identification as a pivot, during conflict in checking.");
            }
            if (writer.safe) {
                refuseReleasedWriter(written);
                return;
            }
            publishWrites(writer, written, Phase.WRITE);
        }
    }

    /**
     * A READ ONLY transaction released as safe cannot write (25006 stops it first); should it write a tracked key
     * anyway, it fails with 40001 rather than commit unchecked.
     */
    private static void refuseReleasedWriter(Consumer<BiConsumer<String, byte[]>> written) {
        boolean[] any = new boolean[1];
        written.accept((keyspace, key) -> any[0] |= tracked(keyspace));
        if (any[0]) {
            throw SerializationFailures.failure("Canceled on a write after its snapshot was released as safe.");
        }
    }

    private void publishWrites(SerializableTransaction writer, Consumer<BiConsumer<String, byte[]>> written,
                               Phase phase) {
        written.accept((keyspace, key) -> {
            if (!tracked(keyspace) || !writer.writes.add(keyspace, key)) {
                return;
            }
            for (int i = 0; i < tracked.size(); i++) {
                SerializableTransaction reader = tracked.get(i);
                if (reader != writer && concurrentReader(reader, writer) && !reader.out.contains(writer)
                        && reader.reads.covers(keyspace, key)) {
                    flagConflict(reader, writer, writer, phase);
                }
            }
        });
    }

    /** A reader that overlaps the (not yet committed) writer: still running, or committed after it began. */
    private static boolean concurrentReader(SerializableTransaction reader, SerializableTransaction writer) {
        return reader.state != SerializableTransaction.State.ABORTED && !reader.doomed
                && (reader.commitSeq == SerializableTransaction.NEVER || reader.commitSeq > writer.startSeq);
    }

    /**
     * Before the commit is written: publishes every key it writes, checks for dangerous structures it completes
     * (cancelling a running pivot, or failing itself with 40001), and marks it prepared.
     */
    public void prepare(SerializableTransaction t, Consumer<BiConsumer<String, byte[]>> written) {
        synchronized (lock) {
            if (t.doomed) {
                throw SerializationFailures.pivotDuringCommit();
            }
            if (t.safe) {
                refuseReleasedWriter(written);
                t.prepareSeq = ++seq;
                t.state = SerializableTransaction.State.PREPARED;
                return;
            }
            publishWrites(t, written, Phase.COMMIT);
            // A running reader of what t wrote that is itself read-past by another running writer (or by t) is a
            // pivot whose T3 (t) commits first: cancel it, or, when it is prepared already, t.
            for (SerializableTransaction near : t.in) {
                if (near.committed() || near.doomed) {
                    continue;
                }
                for (SerializableTransaction far : near.in) {
                    if (far == t || !far.committed() && !far.readOnly && !far.doomed) {
                        if (near.prepared()) {
                            throw SerializationFailures.preparedPivot();
                        }
                        near.doomed = true;
                        break;
                    }
                }
            }
            t.prepareSeq = ++seq;
            t.state = SerializableTransaction.State.PREPARED;
        }
    }

    /** The commit is written (or, for a transaction that wrote nothing, it ended well). */
    public void committed(SerializableTransaction t) {
        synchronized (lock) {
            if (t.state != SerializableTransaction.State.PREPARED) {
                throw new IllegalStateException(t + " commits without preparing");
            }
            t.commitSeq = ++seq;
            t.state = SerializableTransaction.State.COMMITTED;
            if (t.safe) {
                return;   // no longer tracked
            }
            stopWatching(t);
            // A transaction that wrote nothing counts as read-only from now on, as in PostgreSQL.
            t.readOnly |= t.writes.isEmpty();
            endedForSafeSnapshots(t);
            release();
            summariseOldest();
        }
    }

    /**
     * Folds the oldest half of the committed transactions kept into one summary record, as PostgreSQL summarises
     * old committed transactions into shared memory of fixed size: the summary read what they read and wrote
     * what they wrote (coarsened as any record), holds their edges, and takes their sequence numbers on the side
     * that can only find more conflicts (earliest start and prepare, latest commit). It can add false positives,
     * never lose a conflict.
     */
    private void summariseOldest() {
        List<SerializableTransaction> committed = new ArrayList<>();
        long bytes = 0;
        for (SerializableTransaction t : tracked) {
            if (t.committed() && t != summary) {
                committed.add(t);
                bytes += t.approximateBytes();
            }
        }
        if (committed.size() <= MAX_KEPT_COMMITTED && bytes <= MAX_KEPT_BYTES) {
            return;
        }
        committed.sort(java.util.Comparator.comparingLong(t -> t.commitSeq));
        // The oldest half by number, and more while the rest still holds over half the byte budget.
        int fold = committed.size() / 2;
        for (int i = 0; i < fold; i++) {
            bytes -= committed.get(i).approximateBytes();
        }
        while (fold < committed.size() && bytes > MAX_KEPT_BYTES / 2) {
            bytes -= committed.get(fold++).approximateBytes();
        }
        List<SerializableTransaction> folded = new ArrayList<>(committed.subList(0, fold));
        if (summary != null) {
            folded.add(summary);
        }
        long startSeq = Long.MAX_VALUE;
        for (SerializableTransaction t : folded) {
            startSeq = Math.min(startSeq, t.startSeq);
        }
        SerializableTransaction into = new SerializableTransaction(this, SUMMARY_ID, true, startSeq,
                SUMMARY_MAX_WRITE_KEYS);
        into.state = SerializableTransaction.State.COMMITTED;
        into.prepareSeq = SerializableTransaction.NEVER;
        into.commitSeq = -1;
        into.snapshotSeq = -1;
        for (SerializableTransaction t : folded) {
            fold(t, into);
        }
        tracked.removeAll(folded);
        tracked.add(into);
        summary = into;
    }

    private static void fold(SerializableTransaction t, SerializableTransaction into) {
        into.readOnly &= t.readOnly;
        into.prepareSeq = Math.min(into.prepareSeq, t.prepareSeq);
        into.commitSeq = Math.max(into.commitSeq, t.commitSeq);
        into.commitTs = Math.max(into.commitTs, t.commitTs);
        into.snapshotSeq = Math.max(into.snapshotSeq, t.snapshotSeq);
        into.snapshotTs = Math.max(into.snapshotTs, t.snapshotTs);
        into.releasedOutPrepareSeq = Math.min(into.releasedOutPrepareSeq, t.releasedOutPrepareSeq);
        into.releasedInCommitSeq = Math.max(into.releasedInCommitSeq, t.releasedInCommitSeq);
        into.reads.addAll(t.reads);
        into.writes.addAll(t.writes);
        for (SerializableTransaction reader : t.in) {
            reader.out.remove(t);
            if (reader != into) {
                reader.out.add(into);
                into.in.add(reader);
            }
        }
        for (SerializableTransaction writer : t.out) {
            writer.in.remove(t);
            if (writer != into) {
                writer.in.add(into);
                into.out.add(writer);
            }
        }
        t.in.clear();
        t.out.clear();
    }

    /** The transaction rolled back (or its commit failed): it leaves no edges behind. */
    public void aborted(SerializableTransaction t) {
        synchronized (lock) {
            if (t.finished()) {
                return;
            }
            t.state = SerializableTransaction.State.ABORTED;
            if (t.safe) {
                return;   // no longer tracked
            }
            stopWatching(t);
            untrack(t);
            endedForSafeSnapshots(t);
            release();
        }
    }

    private enum Phase { READ, WRITE, COMMIT }

    /**
     * Records reader -> writer, first checking whether the edge completes a dangerous structure (PostgreSQL's
     * rules, including its commit-ordering and read-only refinements). {@code me} is the calling transaction.
     */
    private void flagConflict(SerializableTransaction reader, SerializableTransaction writer,
                              SerializableTransaction me, Phase phase) {
        if (DangerousStructures.completedBy(reader, writer)) {
            if (me == writer) {
                throw phase == Phase.COMMIT ? SerializationFailures.pivotDuringCommit()
                        : SerializationFailures.pivotDuringWrite();
            }
            if (writer.prepared()) {
                throw SerializationFailures.conflictOutToPivot(writer.id);
            }
            writer.doomed = true;
        }
        reader.out.add(writer);
        writer.in.add(reader);
    }

    /**
     * Releases the committed transactions no running one overlaps (each began after it committed): no new
     * edge can reach them. Edges from the transactions still kept are summarised, as PostgreSQL does.
     */
    private void release() {
        long oldestRunningStart = Long.MAX_VALUE;
        for (SerializableTransaction t : tracked) {
            if (!t.committed()) {
                oldestRunningStart = Math.min(oldestRunningStart, t.startSeq);
            }
        }
        List<SerializableTransaction> released = new ArrayList<>();
        for (SerializableTransaction t : tracked) {
            if (t.committed() && t.commitSeq <= oldestRunningStart) {
                released.add(t);
            }
        }
        if (released.isEmpty()) {
            return;
        }
        tracked.removeAll(released);
        if (released.contains(summary)) {
            summary = null;
        }
        for (SerializableTransaction gone : released) {
            for (SerializableTransaction reader : gone.in) {
                if (reader.out.remove(gone)) {
                    reader.releasedOutPrepareSeq = Math.min(reader.releasedOutPrepareSeq, gone.prepareSeq);
                }
            }
            for (SerializableTransaction writer : gone.out) {
                if (writer.in.remove(gone)) {
                    writer.releasedInCommitSeq = Math.max(writer.releasedInCommitSeq, gone.commitSeq);
                }
            }
        }
    }
}
