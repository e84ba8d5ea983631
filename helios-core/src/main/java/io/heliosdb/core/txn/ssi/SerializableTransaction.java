package io.heliosdb.core.txn.ssi;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What the {@link SsiTracker} knows of one SERIALIZABLE transaction: when it began and took its snapshot, when
 * it prepared and committed (on the tracker's own sequence), what it read and wrote, and its rw-antidependency
 * edges: {@link #in} holds the transactions that read something this one wrote without seeing the write (they
 * must come before it in a serial order), {@link #out} those that wrote something this one read so. Every field
 * but {@link #commitTs} is guarded by the tracker's lock.
 */
public final class SerializableTransaction implements ReadTracking {
    static final long NEVER = Long.MAX_VALUE;

    enum State { ACTIVE, PREPARED, COMMITTED, ABORTED }

    private final SsiTracker tracker;
    final long id;
    /** Declared READ ONLY, or (from its commit on) one that wrote nothing, as PostgreSQL treats it. */
    boolean readOnly;
    /** The tracker's sequence when it began, before its snapshot was taken. */
    final long startSeq;
    /** The tracker's sequence just after its snapshot was taken (for the read-only rules). */
    long snapshotSeq = NEVER;
    long snapshotTs = -1;
    long prepareSeq = NEVER;
    long commitSeq = NEVER;
    /** The commit timestamp, set before the commit becomes visible; -1 until then. */
    volatile long commitTs = -1;
    State state = State.ACTIVE;
    /** Chosen as the victim of a dangerous structure: fails at its next statement or commit. */
    boolean doomed;
    final Set<SerializableTransaction> in = new HashSet<>();
    final Set<SerializableTransaction> out = new HashSet<>();
    /** Out-edges to committed transactions already released: the earliest prepare among them, else NEVER. */
    long releasedOutPrepareSeq = NEVER;
    /** In-edges from committed transactions already released: the latest commit among them, else -1. */
    long releasedInCommitSeq = -1;
    /**
     * A READ ONLY DEFERRABLE transaction waiting for a safe snapshot: the read-write transactions that ran
     * when it took its snapshot and have not ended yet; null when it does not wait.
     */
    Set<SerializableTransaction> possibleUnsafe;
    /** Its snapshot turned out unsafe: one of those committed with a conflict out to a commit it sees. */
    boolean unsafe;
    /** The thread waiting for the safe snapshot, while it waits (null for a READ ONLY one that only watches). */
    Thread waitingThread;
    /**
     * A READ ONLY transaction whose snapshot was proven safe while it ran: released from tracking, it records no
     * reads and never fails with 40001 (PostgreSQL's safe-snapshot opt-out). Read without the lock.
     */
    volatile boolean safe;
    final ReadSet reads = new ReadSet();
    final WriteSet writes;

    SerializableTransaction(SsiTracker tracker, long id, boolean readOnly, long startSeq) {
        this(tracker, id, readOnly, startSeq, WriteSet.MAX_KEYS);
    }

    /** {@code maxWriteKeys}: written keys kept before they are coarsened to their relations. */
    SerializableTransaction(SsiTracker tracker, long id, boolean readOnly, long startSeq, int maxWriteKeys) {
        this.tracker = tracker;
        this.id = id;
        this.readOnly = readOnly;
        this.startSeq = startSeq;
        this.writes = new WriteSet(maxWriteKeys);
    }

    /** Approximate heap bytes of this record: reads, writes and edges ({@link Footprint}). */
    long approximateBytes() {
        return Footprint.RECORD + reads.approximateBytes() + writes.approximateBytes()
                + (long) (in.size() + out.size()) * Footprint.EDGE;
    }

    boolean prepared() {
        return state == State.PREPARED || state == State.COMMITTED;
    }

    boolean committed() {
        return state == State.COMMITTED;
    }

    boolean finished() {
        return state == State.COMMITTED || state == State.ABORTED;
    }

    /** Whether {@code reader}'s snapshot does not see this transaction's writes. */
    boolean invisibleTo(SerializableTransaction reader) {
        long ts = commitTs;
        return ts < 0 || ts > reader.snapshotTs;
    }

    /** The commit about to be written at {@code ts} (called before it can become visible). */
    public void committing(long ts) {
        commitTs = ts;
    }

    /** Whether its snapshot was proven safe, so that its reads need no tracking any more. */
    public boolean releasedAsSafe() {
        return safe;
    }

    @Override
    public void point(String keyspace, byte[] key) {
        if (!safe && SsiTracker.tracked(keyspace)) {
            tracker.readPoint(this, keyspace, key);
        }
    }

    @Override
    public void range(String keyspace, byte[] from, byte[] to) {
        if (!safe && SsiTracker.tracked(keyspace)) {
            tracker.readRange(this, new KeyRange(keyspace, from == null ? null : Arrays.copyOf(from, from.length),
                    to == null ? null : Arrays.copyOf(to, to.length)));
        }
    }

    @Override
    public String toString() {
        return "serializable " + id + " " + state + (doomed ? " doomed" : "");
    }
}
