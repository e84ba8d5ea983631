package io.heliosdb.storage.memory;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An ordered in-RAM store. Every key holds a chain of versions stamped with the commit sequence of
 * the batch that wrote them. A batch is installed under the write lock with a sequence nobody
 * reads yet and becomes visible all at once when {@link #committedSeq} is published, so readers
 * (which never lock) see all of a batch or none of it. A read view is just a pinned sequence;
 * versions that no pinned sequence can see are pruned as keys are written again.
 */
public final class MemoryStorageEngine implements StorageEngine, SnapshotPins.SequenceSource {

    private final ConcurrentHashMap<String, Keyspace> keyspaces = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final SnapshotPins pins = new SnapshotPins();
    private volatile long committedSeq;
    private volatile boolean closed;

    // Keys that kept old versions for some open view; revisited once the views move on.
    private final List<DirtyKey> dirty = new ArrayList<>();
    private long lastSweepHorizon;

    private final LongAdder gets = new LongAdder();
    private final LongAdder scans = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder viewsTaken = new LongAdder();
    private final LongAdder runsBuilt = new LongAdder();
    private final LongAdder runScans = new LongAdder();
    private long versionsPruned;

    private record DirtyKey(Keyspace keyspace, byte[] key) {
    }

    /** A key written by the current batch; {@code wasSingle}: it had one version before, so it may gain history now. */
    private record Touched(DirtyKey key, boolean wasSingle) {
    }

    @Override
    public String name() {
        return MemoryStorageProvider.NAME;
    }

    @Override
    public Set<StorageCapability> capabilities() {
        return MemoryStorageProvider.CAPABILITIES;
    }

    @Override
    public long committedSeq() {
        return committedSeq;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        byte[] value = getShared(keyspace, key);
        return value == null ? null : value.clone();
    }

    /** The stored array itself: versions are immutable, so nobody ever writes into it. */
    @Override
    public byte[] getShared(String keyspace, byte[] key) {
        checkOpen();
        gets.increment();
        Keyspace ks = keyspaces.get(keyspace);
        if (ks == null) {
            return null;
        }
        // Load the chain before reading the sequence: a chain pruned at horizon H always holds the
        // newest version at or below H, and the sequence read afterwards is at least H.
        Version head = ks.get(key);
        Version v = head == null ? null : head.visibleAt(committedSeq);
        return v == null ? null : v.value();
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        checkOpen();
        long seq = pins.pin(this);
        return scanAt(keyspace, from, to, reverse, seq, () -> pins.unpin(seq));
    }

    @Override
    public ReadView readView() {
        checkOpen();
        viewsTaken.increment();
        return new MemoryReadView(this, pins.pin(this));
    }

    byte[] getAt(String keyspace, byte[] key, long seq) {
        checkOpen();
        gets.increment();
        Keyspace ks = keyspaces.get(keyspace);
        return ks == null ? null : valueOf(ks.get(key), seq);
    }

    KvCursor scanPinned(String keyspace, byte[] from, byte[] to, boolean reverse, long seq) {
        checkOpen();
        pins.pinAgain(seq);
        return scanAt(keyspace, from, to, reverse, seq, () -> pins.unpin(seq));
    }

    private KvCursor scanAt(String keyspace, byte[] from, byte[] to, boolean reverse, long seq, Runnable onClose) {
        scans.increment();
        Keyspace ks = keyspaces.get(keyspace);
        if (ks != null && !reverse && to != null) {
            ScanRun run = run(ks, from, to, seq);
            if (run != null) {
                runScans.increment();
                return new ScanRunCursor(this, run, from, to, onClose);
            }
            return MemoryCursor.upTo(this, ks, from, to, seq, onClose);
        }
        var entries = ks == null
                ? Collections.<Map.Entry<byte[], Version>>emptyIterator()
                : ks.range(from, to, reverse).entrySet().iterator();
        return new MemoryCursor(this, entries, seq, onClose);
    }

    /** A {@link ScanRun} that holds {@code [from, to)} for a reader at {@code seq}: kept, or read now if due. */
    private ScanRun run(Keyspace ks, byte[] from, byte[] to, long seq) {
        ScanRuns runs = ks.scanRuns;
        ScanRun run = runs.find(from, to, seq);
        if (run != null) {
            return run;
        }
        long budget = runs.buildBudget(from, to, seq);
        if (budget == 0) {
            return null;
        }
        run = ScanRun.read(this, ks, from, to, seq, budget);
        if (run == null) {
            runs.overBudget(budget);
            return null;
        }
        runsBuilt.increment();
        runs.built(run);   // kept unless a write came meanwhile; right for this reader either way
        return run;
    }

    void release(long seq) {
        pins.unpin(seq);
    }

    private static byte[] valueOf(Version head, long seq) {
        Version v = head == null ? null : head.visibleAt(seq);
        return v == null || v.value() == null ? null : v.value().clone();
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        writeLock.lock();
        try {
            checkOpen();
            if (batch.isEmpty()) {
                return;
            }
            long seq = committedSeq + 1;
            List<Touched> touched = new ArrayList<>(batch.size());
            for (WriteBatch.Op op : batch.ops()) {
                Keyspace ks = keyspaces.computeIfAbsent(op.keyspace(), k -> new Keyspace());
                ks.scanRuns.written(seq);
                byte[] key = op.key().clone();
                // A two-part value is joined into a fresh array already: no second copy.
                byte[] value = op.isDelete() ? null : op.head() != null ? op.value() : op.value().clone();
                Version head = ks.get(key);
                // A key already stored keeps the array the skip list holds it under (see Version#key).
                byte[] chainKey = head == null ? key : head.key();
                Version before = head == null ? null : head.visibleAt(seq);
                if (head != null && head.seq() == seq) {
                    head = head.older(); // written earlier in this batch: the last write wins
                    if (head == null && value == null) {
                        touched.add(new Touched(new DirtyKey(ks, key), false)); // new in this batch, deleted again
                    }
                } else if (head != null || value == null) {
                    // A new key with a value has one version and nothing to prune: the insert path skips it.
                    touched.add(new Touched(new DirtyKey(ks, key), head != null && !head.hasHistory()));
                }
                ks.account(key, before == null ? null : before.value(), value);
                ks.put(chainKey, Version.on(chainKey, seq, value, head));
                if (value == null) {
                    deletes.increment();
                } else {
                    puts.increment();
                }
            }
            committedSeq = seq; // publishes the whole batch at once
            batches.increment();
            long horizon = pins.horizon(seq);
            for (Touched t : touched) {
                // A key that already had history is in the dirty list already.
                if (prune(t.key(), horizon) && t.wasSingle()) {
                    dirty.add(t.key());
                }
            }
            if (horizon > lastSweepHorizon && !dirty.isEmpty()) {
                dirty.removeIf(k -> !prune(k, horizon));
                lastSweepHorizon = horizon;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Drops what no reader at or after {@code horizon} can see; true if the key still keeps history. */
    private boolean prune(DirtyKey k, long horizon) {
        Version head = k.keyspace().get(k.key());
        if (head == null) {
            return false;
        }
        Version pruned = head.prunedTo(horizon);
        if (pruned != head) {
            versionsPruned += head.length() - pruned.length();
        }
        if (pruned.value() == null && !pruned.hasHistory() && pruned.seq() <= horizon) {
            k.keyspace().remove(k.key()); // a delete every reader already sees
            versionsPruned++;
            return false;
        }
        if (pruned != head) {
            k.keyspace().put(k.key(), pruned);
        }
        return pruned.hasHistory();
    }

    @Override
    public long estimateSize(String keyspace) {
        checkOpen();
        Keyspace ks = keyspaces.get(keyspace);
        return ks == null ? 0 : ks.liveBytes;
    }

    @Override
    public Map<String, Long> statistics() {
        checkOpen();
        long keys = 0;
        long bytes = 0;
        for (Keyspace ks : keyspaces.values()) {
            keys += ks.liveKeys;
            bytes += ks.liveBytes;
        }
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("memory.keyspaces", (long) keyspaces.size());
        stats.put("memory.keys", keys);
        stats.put("memory.bytes", bytes);
        stats.put("memory.sequence", committedSeq);
        stats.put("memory.batches", batches.sum());
        stats.put("memory.puts", puts.sum());
        stats.put("memory.deletes", deletes.sum());
        stats.put("memory.gets", gets.sum());
        stats.put("memory.scans", scans.sum());
        stats.put("memory.scans.flat", runScans.sum());
        stats.put("memory.scan.runs.built", runsBuilt.sum());
        stats.put("memory.views.taken", viewsTaken.sum());
        stats.put("memory.pins.open", (long) pins.openCount());
        writeLock.lock();
        try {
            stats.put("memory.versions.pruned", versionsPruned);
        } finally {
            writeLock.unlock();
        }
        return stats;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closed = true;
            keyspaces.clear();
            dirty.clear();
        } finally {
            writeLock.unlock();
        }
    }

    void checkOpen() {
        if (closed) {
            throw closedError("storage engine");
        }
    }

    static HeliosException closedError(String what) {
        return new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "The memory " + what + " is closed");
    }
}
