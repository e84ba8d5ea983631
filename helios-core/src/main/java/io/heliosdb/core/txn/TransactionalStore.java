package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MVCC transactions over a storage engine. A transaction reads at a snapshot timestamp (one per
 * statement under READ COMMITTED, one per transaction above it), buffers its writes, locks each
 * key it writes (so writers of different rows run concurrently and a write-write conflict is
 * found when the lock is taken, not at commit), and commits as one atomic batch through the
 * {@link GroupCommitter}, which also stamps it with its commit timestamp. See {@link VersionLayout}
 * for the storage layout and {@link VersionVacuum} for reclaiming old versions.
 */
public final class TransactionalStore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.heliosdb.core.txn");
    /** Unversioned kernel bookkeeping: the newest commit timestamp, written with every commit group. */
    static final String META = "meta";
    private static final byte[] LAST_COMMIT_KEY = {1};
    /** The lock namespace of unique index key values (never a storage keyspace). */
    static final String UNIQUE_KEYS = "unique-keys";
    /**
     * System property: "true" turns early lock release on for synchronous commits (row locks released once
     * the commit is written, the acknowledgement once it is synced; see {@link GroupCommitter}); "strict" as
     * well, and then a writing statement that met a commit not yet durable also holds back its row count (not
     * only its rows) until that commit is durable. Off by default.
     */
    public static final String EARLY_LOCK_RELEASE_PROPERTY = "helios.earlyLockRelease";
    /**
     * {@code false} turns off the decoded column copies of unchanged tables that Memory-only scans read
     * ({@link TableColumnCopies}); read once, when the store opens.
     */
    public static final String COLUMN_COPIES_PROPERTY = TableColumnCopies.PROPERTY;

    private final StorageEngine engine;
    private final Catalog catalog;
    private final LockTable locks = new LockTable();
    private final GroupCommitter committer;
    private final SnapshotRegistry snapshots;
    private final boolean readViews;
    /** Statements may split long scans over threads (the engine's read views allow it at full speed). */
    private final boolean parallelScans;
    /** The threads of those splits; closed with the store, so none outlives the database. */
    private final io.heliosdb.sql.ParallelWorkerPool parallelWorkers = new io.heliosdb.sql.ParallelWorkerPool();
    private final RowCache rowCache;
    /** Decoded integer columns of unchanged tables (Memory-only mode), or null. */
    private final TableColumnCopies columnCopies;
    private final RowKeyCeilings ceilings;
    private final AtomicLong transactionIds = new AtomicLong();
    private final AtomicLong tableIds;
    private final Map<Long, AtomicLong> rowIds = new ConcurrentHashMap<>();
    private ScheduledExecutorService vacuumTimer;
    private final ReentrantLock vacuumPass = new ReentrantLock();
    /** The history versions written since the last pass: a background pass visits only those. */
    private final WrittenVersions writtenVersions = new WrittenVersions();
    /** Background passes since the last one that scanned every version (under vacuumPass). */
    private int passesSinceScan;
    /**
     * The newest commit that wrote a catalog key. A statement whose snapshot is at or above it, once
     * it holds a catalog key's lock, knows no newer version of that key exists without reading it
     * (see {@link #lockShared}); set before the writer's locks are released.
     */
    private volatile long catalogWrittenTs;
    private final SequenceCounters sequences;
    private final java.util.concurrent.atomic.LongAdder statementRestarts = new java.util.concurrent.atomic.LongAdder();
    private final LatestRowRead latestRows;
    private final boolean strictCompletions;
    /** Serializable snapshot isolation: only SERIALIZABLE transactions are tracked. */
    private final io.heliosdb.core.txn.ssi.SsiTracker ssi = new io.heliosdb.core.txn.ssi.SsiTracker();

    public TransactionalStore(StorageEngine engine, boolean syncCommits) {
        this(engine, syncCommits, null);
    }

    /** {@code cache}: a cache layer to place in front of row reads (see {@link RowCache}), or null. */
    public TransactionalStore(StorageEngine engine, boolean syncCommits, CacheLayer cache) {
        this(engine, syncCommits, cache, earlyLockReleaseSetting().equals("true")
                || earlyLockReleaseSetting().equals("strict"), earlyLockReleaseSetting().equals("strict"));
    }

    private static String earlyLockReleaseSetting() {
        return System.getProperty(EARLY_LOCK_RELEASE_PROPERTY, "false").strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code earlyLockRelease}, {@code strictCompletions} ("strict"): see {@link #EARLY_LOCK_RELEASE_PROPERTY}.
     */
    public TransactionalStore(StorageEngine engine, boolean syncCommits, CacheLayer cache, boolean earlyLockRelease,
                              boolean strictCompletions) {
        this.strictCompletions = strictCompletions;
        this.engine = engine;
        this.sequences = new SequenceCounters(engine, syncCommits);
        this.rowCache = cache == null ? null : new RowCache(cache, engine);
        this.readViews = engine.capabilities().contains(StorageCapability.READ_VIEWS);
        this.parallelScans = readViews && engine.capabilities().contains(StorageCapability.PARALLEL_SCANS);
        this.columnCopies = TableColumnCopies.forEngine(engine.capabilities().contains(StorageCapability.PERSISTENT));
        this.ceilings = new RowKeyCeilings(engine);
        byte[] last = engine.get(META, LAST_COMMIT_KEY);
        long lastTs = last == null ? 0 : CatalogKeys.readLong(last);
        // The newest commit timestamp is written once per group, not once per commit.
        this.committer = new GroupCommitter(engine, syncCommits, lastTs,
                (batch, newest) -> batch.put(META, LAST_COMMIT_KEY, CatalogKeys.longValue(newest)), earlyLockRelease);
        if (committer.earlyLockRelease()) {
            LOG.log(Level.INFO, "Early lock release: row locks are released once a commit is written, before its sync");
        }
        this.snapshots = new SnapshotRegistry(committer);
        this.latestRows = new LatestRowRead(engine, committer, snapshots, rowCache);
        this.catalogWrittenTs = lastTs;
        this.catalog = Catalog.load(new SnapshotReader(engine, lastTs), lastTs);
        // Index ids come from the same sequence, so every id ever used (even by dropped, not yet vacuumed data) counts.
        long maxTable = catalog.snapshot().tables().values().stream().mapToLong(t -> t.id()).max().orElse(0);
        maxTable = Math.max(maxTable,
                catalog.snapshot().indexes().values().stream().mapToLong(i -> i.id()).max().orElse(0));
        for (String keyspace : new String[] {CatalogKeys.ROWS, CatalogKeys.INDEXES}) {
            try (KvCursor c = engine.scan(keyspace, null, null, true)) {
                if (c.next()) {
                    maxTable = Math.max(maxTable, CatalogKeys.readLong(c.key()));
                }
            }
        }
        this.tableIds = new AtomicLong(maxTable);
    }

    public StorageEngine engine() {
        return engine;
    }

    /** The threads parallel aggregates may use, or null where the engine's scans are not split. */
    public java.util.concurrent.Executor parallelWorkers() {
        return parallelScans ? parallelWorkers : null;
    }

    boolean parallelScans() {
        return parallelScans;
    }

    /** The decoded column copies of unchanged tables, or null where there are none (see {@link TableColumnCopies}). */
    TableColumnCopies columnCopies() {
        return columnCopies;
    }

    /** Column copies made, scans read from one, bytes held (see {@link TableColumnCopies}); null without copies. */
    public long[] columnCopyCounts() {
        TableColumnCopies c = columnCopies;
        return c == null ? null : new long[] {c.built(), c.served(), c.bytes()};
    }

    /** The row cache, or null when none is configured. */
    public RowCache rowCache() {
        return rowCache;
    }

    /** The current values of the sequences. */
    public SequenceCounters sequences() {
        return sequences;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The committed catalog a transaction's next statement sees (the newest one outside a transaction snapshot). */
    public Catalog.Snapshot catalogFor(Transaction transaction) {
        if (transaction != null && transaction.snapshotTs() >= 0) {
            return catalog.at(transaction.snapshotTs());
        }
        return catalog.snapshot();
    }

    /** Single-row reads at the newest applied commit, outside any transaction (autocommit point SELECTs). */
    public LatestRowRead latestRows() {
        return latestRows;
    }

    public LockTable locks() {
        return locks;
    }

    public GroupCommitter committer() {
        return committer;
    }

    /** READ COMMITTED statements run again on a new snapshot after meeting a newer row version (see {@link StatementRestart}). */
    public long statementRestarts() {
        return statementRestarts.sum();
    }

    /** The session restarts a statement. */
    public void countStatementRestart() {
        statementRestarts.increment();
    }

    /** Snapshots open now (statements reading, REPEATABLE READ transactions). */
    public int openSnapshots() {
        return snapshots.openCount();
    }

    public Transaction begin() {
        return begin(IsolationLevel.READ_COMMITTED);
    }

    public Transaction begin(IsolationLevel isolation) {
        return new Transaction(transactionIds.incrementAndGet(), isolation);
    }

    /**
     * Reads for one statement: a new snapshot under READ COMMITTED, the transaction's snapshot
     * (taken by its first statement) above it.
     */
    public StatementReads openReads(Transaction transaction) {
        StatementReads reads = openWriteReads(transaction);
        if (reads.snapshotTs() > committer.visibleTs()) {
            try {
                awaitDurable(reads.snapshotTs());
            } catch (RuntimeException e) {
                reads.close();
                throw e;
            }
        }
        return reads;
    }

    /**
     * {@link #openReads} for a writing statement, which under early lock release may read at a commit not yet
     * durable (after meeting it, see {@link Transaction#raiseReadFloor}) without waiting: its own commit is
     * acknowledged only after that one is durable. If it returns rows, it must {@link #awaitDurable} first.
     */
    public StatementReads openWriteReads(Transaction transaction) {
        long ts;
        io.heliosdb.core.txn.ssi.SerializableTransaction serializable = null;
        if (transaction.isolation().usesTransactionSnapshot()) {
            if (transaction.awaitsSafeSnapshot()) {
                transaction.setSnapshotTs(safeSnapshot(transaction));   // not tracked: it never fails with 40001
            } else if (transaction.snapshotTs() < 0) {
                if (transaction.isolation() == IsolationLevel.SERIALIZABLE) {
                    // Registered before the snapshot is taken: see SsiTracker.
                    transaction.setSerializable(ssi.begin(transaction.id(), transaction.readOnlyForSsi()));
                }
                transaction.setSnapshotTs(snapshots.open());
                if (transaction.serializable() != null) {
                    ssi.snapshotTaken(transaction.serializable(), transaction.snapshotTs());
                    ssi.watchReadOnly(transaction.serializable());   // READ ONLY: untracked once its snapshot is safe
                }
            }
            serializable = transaction.serializable();
            if (serializable != null && serializable.releasedAsSafe()) {
                serializable = null;   // its reads need no tracking
            }
            if (serializable != null) {
                ssi.checkNotDoomed(serializable);
            }
            ts = transaction.snapshotTs();
            snapshots.retain(ts);
        } else {
            ts = committer.earlyLockRelease() ? snapshots.open(transaction.readFloor()) : snapshots.open();
        }
        ReadView view = null;
        try {
            view = readViews ? new LazyReadView(engine) : null;
            return new StatementReads(view, view != null ? view : engine, transaction.overlay(), ts,
                    catalog.at(ts), rowCache, () -> snapshots.close(ts), serializable);
        } catch (RuntimeException e) {
            snapshots.close(ts);
            throw e;
        }
    }

    /**
     * SERIALIZABLE READ ONLY DEFERRABLE: a snapshot no serialization anomaly can involve, waited for as
     * PostgreSQL does (see {@link io.heliosdb.core.txn.ssi.SsiTracker#awaitSafeSnapshot}); an unsafe one is given
     * up and a new one taken. The wait ends on cancel and at the statement timeout.
     */
    private long safeSnapshot(Transaction transaction) {
        while (true) {
            io.heliosdb.core.txn.ssi.SerializableTransaction probe = ssi.begin(transaction.id(), true);
            long ts = snapshots.open();
            boolean safe = false;
            try {
                ssi.snapshotTaken(probe, ts);
                safe = ssi.awaitSafeSnapshot(probe, transaction.lockWait().checkCancelled());
            } finally {
                ssi.aborted(probe);
                if (!safe) {
                    snapshots.close(ts);
                }
            }
            if (safe) {
                return ts;
            }
        }
    }

    /**
     * Whether a writing statement whose snapshot is above the durable commit waits for it before its row count
     * goes out, too (early lock release "strict"); rows always wait.
     */
    public boolean completionsAwaitDurable() {
        return strictCompletions;
    }

    /**
     * Returns once every commit at or below {@code ts} is durable: before a statement whose snapshot is above
     * the visible (durable) commit sends a row. At once without early lock release.
     */
    public void awaitDurable(long ts) {
        committer.awaitDurable(ts);
    }

    /**
     * Under early lock release, waits until every commit written so far is durable, so that an error a
     * statement met because of one (a unique violation against a row just inserted, say) is never reported
     * before that commit is durable. A failed sync is not reported here: the caller's error goes out.
     */
    public void settleBeforeError() {
        if (committer.earlyLockRelease()) {
            try {
                committer.awaitDurable(committer.appliedTs());
            } catch (RuntimeException broken) {
                // the store refuses commits from now on; the statement's own error is the one to report
            }
        }
    }

    long nextTableId() {
        return tableIds.incrementAndGet();
    }

    /** The next hidden row id of a table without a primary key (never reused while the database is open). */
    long nextRowId(long tableId) {
        return rowIds.computeIfAbsent(tableId, id -> {
            try (KvCursor c = engine.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(id), CatalogKeys.rowPrefixEnd(id),
                    true)) {
                return new AtomicLong(c.next() ? new ByteReader(c.key(), 8).readLongBE() : 0);
            }
        }).incrementAndGet();
    }

    /**
     * Locks a key for writing and returns its newest stored version (null when none). A version
     * committed after {@code snapshotTs} is a write conflict: 40001 above READ COMMITTED, a
     * statement restart under it.
     */
    byte[] lockForWrite(Transaction t, String keyspace, byte[] key, long snapshotTs) {
        return lockForWrite(t, keyspace, key, snapshotTs, LockTable.Mode.EXCLUSIVE);
    }

    /**
     * {@link #lockForWrite(Transaction, String, byte[], long)} in {@code mode}: EXCLUSIVE, or
     * NO_KEY_EXCLUSIVE for an UPDATE that changes no key column (a foreign key check's KEY_SHARE lock on
     * the row does not wait for it, as in PostgreSQL).
     */
    byte[] lockForWrite(Transaction t, String keyspace, byte[] key, long snapshotTs, LockTable.Mode mode) {
        LockKey lockKey = new LockKey(keyspace, key);
        LockTable.Mode held = t.heldLock(lockKey);
        if (held != null && held.covers(mode) && held.covers(LockTable.Mode.NO_KEY_EXCLUSIVE)) {
            byte[] prior = t.prior(lockKey);
            return prior == Transaction.ABSENT ? null : prior;
        }
        locks.acquire(t.id(), lockKey, mode, t.lockWait());
        t.recordLock(lockKey, mode);
        byte[] newest = engine.get(keyspace, key);
        t.recordPrior(lockKey, newest);
        checkConflict(t, newest, snapshotTs);
        return newest;
    }

    /**
     * {@link #lockForWrite(Transaction, String, byte[], long)} of a row key an INSERT (or a key-changing
     * UPDATE) claims in table {@code tableId}: a key above every row key the table has stored has no
     * stored version, so none is read (see {@link RowKeyCeilings}).
     */
    byte[] lockForInsert(Transaction t, long tableId, byte[] rowKey, long snapshotTs) {
        LockKey lockKey = new LockKey(CatalogKeys.ROWS, rowKey);
        // Not asking the transaction first whether it holds the lock (every inserted row would pay a lookup that
        // misses): the lock table grants an owner's own lock again at once, and a version remembered under it
        // earlier is the one to answer.
        locks.acquire(t.id(), lockKey, LockTable.Mode.EXCLUSIVE, t.lockWait());
        t.recordLock(lockKey, LockTable.Mode.EXCLUSIVE);
        if (ceilings.above(tableId, rowKey)) {
            return null; // no stored version, and none can appear while the lock is held
        }
        byte[] prior = t.prior(lockKey);
        if (prior != null) {
            return prior == Transaction.ABSENT ? null : prior;
        }
        byte[] newest = engine.get(CatalogKeys.ROWS, rowKey);
        t.recordPrior(lockKey, newest);
        checkConflict(t, newest, snapshotTs);
        return newest;
    }

    /**
     * SELECT ... FOR UPDATE / NO KEY UPDATE / SHARE / KEY SHARE ({@code mode}): locks a row as the wait policy says; false when
     * SKIP LOCKED finds it locked. Once locked, a version committed after {@code snapshotTs} is a write
     * conflict as for {@link #lockForWrite} (restart under READ COMMITTED, so the row's newest version is
     * checked against the WHERE clause again; 40001 above it). The stored newest version is remembered
     * under a lock that excludes writers of the row, as {@link #lockForWrite} does, for a later write of the row to commit it.
     */
    boolean lockForSelect(Transaction t, String keyspace, byte[] key, LockTable.Mode mode, io.heliosdb.sql.RowLockWait wait,
                          long snapshotTs, String relation) {
        byte[] newest = lockRowForSelect(t, keyspace, key, mode, wait, relation);
        if (newest == NOT_LOCKED) {
            return false;
        }
        if (newest != ALREADY_HELD) {
            checkConflict(t, newest, snapshotTs);
        }
        return true;
    }

    /**
     * {@link #lockForSelect} for a READ COMMITTED cursor, which cannot restart: a version committed after
     * {@code snapshotTs} is reported as CHANGED (the lock held) for the cursor to re-check; above READ
     * COMMITTED it is 40001 as for lockForSelect.
     */
    io.heliosdb.sql.RowLockOutcome lockForCursor(Transaction t, String keyspace, byte[] key, LockTable.Mode mode,
                                                 io.heliosdb.sql.RowLockWait wait, long snapshotTs, String relation) {
        byte[] newest = lockRowForSelect(t, keyspace, key, mode, wait, relation);
        if (newest == NOT_LOCKED) {
            return io.heliosdb.sql.RowLockOutcome.SKIPPED;
        }
        if (newest != ALREADY_HELD && newest != null && VersionLayout.commitTs(newest) > snapshotTs) {
            if (t.isolation().usesTransactionSnapshot()) {
                checkConflict(t, newest, snapshotTs);
            }
            // The cursor re-checks and returns the newest version: never one a crash could still undo.
            committer.awaitDurable(VersionLayout.commitTs(newest));
            return io.heliosdb.sql.RowLockOutcome.CHANGED;
        }
        return io.heliosdb.sql.RowLockOutcome.LOCKED;
    }

    /** What {@link #lockRowForSelect} answers for a row SKIP LOCKED leaves, and for one locked before. */
    private static final byte[] NOT_LOCKED = new byte[0];
    private static final byte[] ALREADY_HELD = new byte[0];

    /** Locks the row as the wait policy says; its stored newest version (null: none), or one of the two markers. */
    private byte[] lockRowForSelect(Transaction t, String keyspace, byte[] key, LockTable.Mode mode,
                                    io.heliosdb.sql.RowLockWait wait, String relation) {
        LockKey lockKey = new LockKey(keyspace, key);
        LockTable.Mode held = t.heldLock(lockKey);
        if (held != null && held.covers(mode)) {
            return ALREADY_HELD;
        }
        switch (wait) {
            case BLOCK -> locks.acquire(t.id(), lockKey, mode, t.lockWait());
            case SKIP_LOCKED -> {
                if (!locks.tryAcquire(t.id(), lockKey, mode)) {
                    return NOT_LOCKED;
                }
            }
            case NOWAIT -> {
                if (!locks.tryAcquire(t.id(), lockKey, mode)) {
                    throw new HeliosException(SqlState.LOCK_NOT_AVAILABLE,
                            "could not obtain lock on row in relation \"" + relation + "\"");
                }
            }
        }
        t.recordLock(lockKey, mode);
        byte[] newest = engine.get(keyspace, key);
        if (mode.covers(LockTable.Mode.NO_KEY_EXCLUSIVE)) {
            t.recordPrior(lockKey, newest);
        }
        return newest;
    }

    /** Locks a key against exclusive lockers (a table's catalog entry while its rows are written). */
    void lockShared(Transaction t, String keyspace, byte[] key, long snapshotTs) {
        lockShared(t, keyspace, key, snapshotTs, LockTable.Mode.SHARED);
    }

    /** {@link #lockShared(Transaction, String, byte[], long)} in a shared {@code mode} (KEY_SHARE for a foreign key check). */
    void lockShared(Transaction t, String keyspace, byte[] key, long snapshotTs, LockTable.Mode mode) {
        LockKey lockKey = new LockKey(keyspace, key);
        LockTable.Mode held = t.heldLock(lockKey);
        if (held != null && held.covers(mode)) {
            return;
        }
        locks.acquire(t.id(), lockKey, mode, t.lockWait());
        t.recordLock(lockKey, mode);
        if (keyspace.equals(CatalogKeys.CATALOG) && catalogWrittenTs <= snapshotTs) {
            return; // every catalog writer takes the key exclusively, so none committed after the snapshot
        }
        checkConflict(t, engine.get(keyspace, key), snapshotTs);
    }

    /**
     * Remembers the stored newest version of an index entry before the transaction first writes it,
     * for its commit to move into history. No lock: only the writer holding the lock on the entry's
     * row writes that entry, and vacuum removing a deletion marker in between only leaves a harmless
     * extra history version (vacuum removes markers only while no commit writes, see
     * {@link VersionVacuum}, as it cannot lock the entry). {@code fresh}: the key cannot exist yet (a new index), so no read.
     */
    void recordIndexPrior(Transaction t, byte[] entryKey, boolean fresh) {
        LockKey key = new LockKey(CatalogKeys.INDEXES, entryKey);
        if (t.prior(key) == null) {
            t.recordPrior(key, fresh ? null : engine.get(CatalogKeys.INDEXES, entryKey));
        }
    }

    /** Locks a unique index key value (not stored anywhere) until the transaction ends. */
    void lockUniqueKey(Transaction t, byte[] valueKey) {
        LockKey lockKey = new LockKey(UNIQUE_KEYS, valueKey);
        if (t.heldLock(lockKey) == LockTable.Mode.EXCLUSIVE) {
            return;
        }
        locks.acquire(t.id(), lockKey, LockTable.Mode.EXCLUSIVE, t.lockWait());
        t.recordLock(lockKey, LockTable.Mode.EXCLUSIVE);
    }

    /** Locks a unique index key value shared: a foreign key check keeps the referenced value from going away. */
    void lockUniqueKeyShared(Transaction t, byte[] valueKey) {
        LockKey lockKey = new LockKey(UNIQUE_KEYS, valueKey);
        if (t.heldLock(lockKey) != null) {
            return;
        }
        locks.acquire(t.id(), lockKey, LockTable.Mode.SHARED, t.lockWait());
        t.recordLock(lockKey, LockTable.Mode.SHARED);
    }

    /** Throws the write conflict a version committed after {@code snapshotTs} means (see {@link #lockForWrite}). */
    static void checkConflict(Transaction t, byte[] newest, long snapshotTs) {
        if (newest != null && VersionLayout.commitTs(newest) > snapshotTs) {
            if (t.isolation().usesTransactionSnapshot()) {
                throw new HeliosException(SqlState.SERIALIZATION_FAILURE,
                        "could not serialize access due to concurrent update");
            }
            t.raiseReadFloor(VersionLayout.commitTs(newest)); // honoured only under early lock release
            throw new StatementRestart();
        }
    }

    /**
     * A SERIALIZABLE transaction's statement wrote what its overlay logged since {@code mark}: finds the concurrent
     * transactions that read it (40001 when that completes a dangerous structure with this one as its pivot).
     * Nothing for the other levels; the commit checks every write again, whichever path made it.
     */
    public void statementWrote(Transaction transaction, Transaction.Mark mark) {
        io.heliosdb.core.txn.ssi.SerializableTransaction serializable = transaction.serializable();
        if (serializable != null) {
            ssi.wrote(serializable, keys -> transaction.overlay().forEachWriteSince(mark.overlayMark(), keys));
        }
    }

    /**
     * For a batch run as one statement: what to run after each of its entries so that a SERIALIZABLE transaction's
     * writes are checked entry by entry, as precisely as one statement per entry would be (a conflict fails the
     * entry that made it, and later entries do not run); null for the other levels, which have nothing to check.
     */
    public Runnable entryWrites(Transaction transaction) {
        io.heliosdb.core.txn.ssi.SerializableTransaction serializable = transaction.serializable();
        if (serializable == null) {
            return null;
        }
        WriteOverlay overlay = transaction.overlay();
        int[] since = {overlay.mark()};
        return () -> {
            int mark = since[0];
            since[0] = overlay.mark();
            ssi.wrote(serializable, keys -> overlay.forEachWriteSince(mark, keys));
        };
    }

    /** The SSI tracker (SERIALIZABLE transactions). */
    public io.heliosdb.core.txn.ssi.SsiTracker serializableTracker() {
        return ssi;
    }

    /** Writes the transaction as one atomic batch (shared with concurrent committers), then publishes its catalog changes. */
    public void commit(Transaction transaction) {
        if (transaction.isEnded()) {
            throw new IllegalStateException("transaction " + transaction.id() + " has already ended");
        }
        boolean[] locksReleased = new boolean[1];
        io.heliosdb.core.txn.ssi.SerializableTransaction serializable = transaction.serializable();
        try {
            if (serializable != null) {
                ssi.prepare(serializable, keys -> {
                    transaction.overlay().forEach(CatalogKeys.ROWS, (key, value) -> keys.accept(CatalogKeys.ROWS, key));
                    transaction.overlay().forEach(CatalogKeys.INDEXES,
                            (key, value) -> keys.accept(CatalogKeys.INDEXES, key));
                });
            }
            if (transaction.hasWrites()) {
                Map<String, io.heliosdb.sql.schema.TableDef> changes = transaction.pendingTables();
                Map<String, io.heliosdb.core.catalog.StoredIndex> indexChanges = transaction.pendingIndexes();
                Map<String, Object> objectChanges = transaction.pendingObjects();
                WriteBatch[] written = new WriteBatch[1];
                boolean catalogWrite = transaction.overlay().touches(CatalogKeys.CATALOG);
                // DDL keeps its locks, and stays invisible to planners (catalog.snapshot()), until durable.
                Runnable releaseEarly = catalogWrite ? null : () -> {
                    if (transaction.lockCount() > 0) {
                        locks.releaseAll(transaction.id(), transaction.lockedKeys());
                    }
                    locksReleased[0] = true;
                };
                try {
                    committer.commit(ts -> {
                        if (serializable != null) {
                            serializable.committing(ts); // before the commit can be visible: see SsiTracker
                        }
                        return written[0] = commitBatch(transaction, ts);
                    }, ts -> {
                        ceilings.written(transaction.overlay()); // before the locks go: see RowKeyCeilings
                        if (catalogWrite) {
                            catalogWrittenTs = ts; // in timestamp order, so it only grows
                        }
                        // After the write, before the commit is visible: see RowCache for why this suffices.
                        if (rowCache != null) {
                            rowCache.invalidate(written[0]);
                        }
                        if (columnCopies != null) {
                            columnCopies.committed(transaction.overlay(), ts);
                        }
                        catalog.apply(ts, changes, indexChanges, objectChanges);
                    }, releaseEarly);
                } catch (RuntimeException e) {
                    // A failed write may still have reached the engine's memory (a failed sync): drop what it touched,
                    // and read catalog keys from storage from now on.
                    if (catalogWrite) {
                        catalogWrittenTs = Long.MAX_VALUE;
                    }
                    ceilings.forgetAll();
                    if (rowCache != null && written[0] != null) {
                        rowCache.invalidate(written[0]);
                    }
                    writtenVersions.lost(); // its history versions may be stored: the next pass scans them all
                    if (columnCopies != null && written[0] != null) {
                        columnCopies.drop();
                    }
                    throw e;
                }
                writtenVersions.written(written[0]);
                transaction.overlay().forEach(META, (key, value) -> sequences.dropped(key));
            }
            if (serializable != null) {
                ssi.committed(serializable);
            }
        } finally {
            finish(transaction, locksReleased[0]);
        }
    }

    private static WriteBatch commitBatch(Transaction t, long ts) {
        WriteBatch batch = new WriteBatch();
        byte[] live = VersionLayout.liveHeader(ts); // shared by every live version: no per-row version array
        boolean priors = t.hasPriors(); // none: every written key was fresh (no lookups, no lock keys)
        for (String keyspace : new String[] {CatalogKeys.CATALOG, CatalogKeys.ROWS, CatalogKeys.INDEXES}) {
            t.overlay().forEach(keyspace, (key, value) -> {
                byte[] prior = priors ? t.prior(new LockKey(keyspace, key)) : null;
                byte[] stored = prior == null || prior == Transaction.ABSENT ? null : prior;
                boolean deleting = WriteOverlay.isTombstone(value);
                if (deleting && (stored == null || VersionLayout.isDeleted(stored))) {
                    return;
                }
                if (stored != null) {
                    batch.put(VersionLayout.VERSIONS, VersionLayout.versionKey(keyspace, key,
                            VersionLayout.commitTs(stored)), stored);
                }
                if (deleting) {
                    batch.put(keyspace, key, VersionLayout.encode(ts, null));
                } else {
                    batch.put(keyspace, key, live, value);
                }
            });
        }
        // Unversioned: the stored counters of the sequences the transaction drops.
        t.overlay().forEach(META, (key, value) -> batch.delete(META, key));
        return batch;
    }

    /** ROLLBACK TO SAVEPOINT: undoes the writes and DDL since {@code mark} and releases the locks taken since. */
    public void rollbackToSavepoint(Transaction transaction, Transaction.Mark mark) {
        java.util.Set<Long> created = createdSequences(transaction);
        locks.releaseAll(transaction.id(), transaction.rollbackToSavepoint(mark));
        if (!created.isEmpty()) {
            // the sequences created since the savepoint are gone: so are the counters their nextval stored
            created.removeAll(createdSequences(transaction));
            created.forEach(id -> sequences.dropped(SequenceCounters.counterKey(id)));
        }
    }

    /** Drops the transaction's writes and releases its locks. */
    public void rollback(Transaction transaction) {
        if (!transaction.isEnded()) {
            forgetCreatedSequences(transaction);
        }
        finish(transaction);
    }

    /**
     * A rolled-back CREATE SEQUENCE leaves no stored counter behind (a nextval inside the transaction
     * stored one at once, outside it): the sequence is treated as dropped (see {@link SequenceCounters#dropped}).
     */
    private void forgetCreatedSequences(Transaction t) {
        createdSequences(t).forEach(id -> sequences.dropped(SequenceCounters.counterKey(id)));
    }

    /**
     * The ids of the sequences the transaction's writes create: a sequence entry with no committed one before it,
     * or replacing one of another id (DROP and CREATE of the same name; ALTER keeps the id).
     */
    private static java.util.Set<Long> createdSequences(Transaction t) {
        java.util.Set<Long> created = new java.util.HashSet<>();
        byte sequenceEntry = CatalogKeys.sequencesFrom()[0];
        t.overlay().forEach(CatalogKeys.CATALOG, (key, value) -> {
            if (key.length > 0 && key[0] == sequenceEntry && !WriteOverlay.isTombstone(value)) {
                long id = io.heliosdb.core.catalog.SequenceDefCodec.decode(value).id();
                byte[] prior = t.prior(new LockKey(CatalogKeys.CATALOG, key));
                if (prior == null || prior == Transaction.ABSENT || VersionLayout.isDeleted(prior)
                        || io.heliosdb.core.catalog.SequenceDefCodec.decode(VersionLayout.payload(prior)).id() != id) {
                    created.add(id);
                }
            }
        });
        return created;
    }

    private void finish(Transaction transaction) {
        finish(transaction, false);
    }

    /** {@code locksReleased}: the commit released them already, before its sync (early lock release). */
    private void finish(Transaction transaction, boolean locksReleased) {
        if (transaction.isEnded()) {
            return;
        }
        transaction.end();
        if (transaction.serializable() != null) {
            ssi.aborted(transaction.serializable()); // nothing when it committed
        }
        if (transaction.lockCount() > 0 && !locksReleased) { // a plain read holds none: skip the lock table's monitor
            locks.releaseAll(transaction.id(), transaction.lockedKeys());
        }
        if (transaction.snapshotTs() >= 0) {
            snapshots.close(transaction.snapshotTs());
        }
    }

    /**
     * Removes every version no open snapshot can see (what {@code VACUUM} runs), scanning all history. One pass at a
     * time: a {@code VACUUM} waits for a background pass, so no pass meets history another is removing.
     */
    public VersionVacuum.Result vacuum() {
        return vacuum(true);
    }

    /**
     * A background pass: visits only the history written since the last pass and what that pass kept
     * ({@link WrittenVersions}); every {@value #SCAN_EVERY}th pass, or when that record is incomplete, all of it.
     */
    VersionVacuum.Result vacuumWritten() {
        return vacuum(false);
    }

    /** Background passes between two that scan all history (anything a pass missed is reclaimed then). */
    static final int SCAN_EVERY = 60;

    private VersionVacuum.Result vacuum(boolean scanAll) {
        vacuumPass.lock();
        try {
            long horizon = snapshots.horizon();
            SnapshotRegistry.Readers readers = snapshots.readersAndStart();
            List<byte[]> written = writtenVersions.take(scanAll || ++passesSinceScan >= SCAN_EVERY);
            if (written == null) {
                passesSinceScan = 0;
            }
            VersionVacuum pass = new VersionVacuum(engine, locks, committer, rowCache);
            boolean done = false;
            try {
                VersionVacuum.Result result = written == null ? pass.run(readers.readers(), readers.futureStart())
                        : pass.run(readers.readers(), readers.futureStart(), written);
                done = !pass.stopped();
                if (done) {
                    writtenVersions.keep(pass.kept());
                }
                catalog.prune(horizon);
                return result;
            } finally {
                if (!done) {
                    writtenVersions.lost();
                }
            }
        } finally {
            vacuumPass.unlock();
        }
    }

    /** Runs {@link #vacuum()} in the background every {@code period} until {@link #close()}. */
    public synchronized void startBackgroundVacuum(Duration period) {
        if (vacuumTimer != null) {
            return;
        }
        vacuumTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "helios-vacuum");
            thread.setDaemon(true);
            return thread;
        });
        vacuumTimer.scheduleWithFixedDelay(() -> {
            try {
                vacuumWritten();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "background vacuum failed", e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the background vacuum (the engine stays open: its owner closes it). */
    @Override
    public void close() {
        parallelWorkers.close();
        ScheduledExecutorService timer;
        synchronized (this) {
            timer = vacuumTimer;
            vacuumTimer = null;
        }
        if (timer != null) {
            // Interrupted, a running pass stops at its next version group; the engine and the cache
            // close after this returns, so the pass must have ended, however long that takes.
            timer.shutdownNow();
            boolean interrupted = false;
            while (true) {
                try {
                    if (timer.awaitTermination(10, TimeUnit.SECONDS)) {
                        break;
                    }
                    LOG.log(Level.WARNING, "close: still waiting for the background vacuum to stop");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
