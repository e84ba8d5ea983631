package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One transaction: its buffered writes and the catalog changes among them, its isolation level and
 * (REPEATABLE READ) snapshot, the locks it holds, and for each key it locked for writing the
 * stored newest version at that moment, which its commit moves into the versions keyspace.
 */
public final class Transaction {

    /** What a plan was made against: a committed catalog version, or this transaction's own DDL. */
    public record SchemaStamp(long catalogVersion, long transactionId, int ddlCount) {
    }

    /** A statement's (or savepoint's) rollback point. */
    public record Mark(int overlayMark, Map<String, TableDef> pendingTables, Map<String, StoredIndex> pendingIndexes,
                       int ddlCount, int lockCount, int priorCount, Map<String, Object> pendingObjects) {
    }

    /** Stands for "no stored version" in {@link #priorVersions}. */
    static final byte[] ABSENT = new byte[0];

    private final long id;
    private IsolationLevel isolation;
    private final WriteOverlay overlay = new WriteOverlay();
    private Map<String, TableDef> pendingTables = new LinkedHashMap<>();
    private Map<String, StoredIndex> pendingIndexes = new LinkedHashMap<>();
    /** Views, schemas and comments created, changed (the new object) or dropped (null), by object key. */
    private Map<String, Object> pendingObjects = new LinkedHashMap<>();
    private Map<LockKey, LockTable.Mode> locks = new HashMap<>();
    /**
     * Locks at which {@link #locks} is rebuilt at {@link #MANY_LOCKS_CAPACITY}: a transaction locking this many
     * keys usually locks many more (a bulk insert: 1,000 rows would otherwise regrow the map seven times).
     */
    private static final int MANY_LOCKS = 12;
    private static final int MANY_LOCKS_CAPACITY = 2048;
    private final Map<LockKey, byte[]> priorVersions = new HashMap<>();
    /** Keys in the order first locked / first given a prior version, so a savepoint can give back what came after it. */
    private final List<LockKey> lockOrder = new ArrayList<>();
    private final List<LockKey> priorOrder = new ArrayList<>();
    private long snapshotTs = -1;
    /** See {@link #queried()}. */
    private boolean queried;
    /** Under early lock release: the lowest snapshot a READ COMMITTED statement may take from now on (see {@link #raiseReadFloor}). */
    private long readFloor = -1;
    private int ddlCount;
    private boolean ended;
    private LockWait lockWait = LockWait.DEFAULT;
    /** The table whose catalog entry this transaction holds share-locked, as its writers last took it; or null. */
    private TableDef sharedTable;
    /** SERIALIZABLE: its record in the SSI tracker, from its first statement on; else null. */
    private io.heliosdb.core.txn.ssi.SerializableTransaction serializable;
    /** Declared READ ONLY (SSI treats such a transaction more leniently). */
    private boolean readOnly;
    /** Known to write nothing (one read statement outside a block): SSI treats it as READ ONLY. */
    private boolean writesNothing;
    /** Declared DEFERRABLE: SERIALIZABLE READ ONLY waits for a safe snapshot, then is not tracked. */
    private boolean deferrable;

    Transaction(long id, IsolationLevel isolation) {
        this.id = id;
        this.isolation = isolation;
    }

    public long id() {
        return id;
    }

    public IsolationLevel isolation() {
        return isolation;
    }

    /** Changes the level; only before the transaction took its snapshot (as PostgreSQL requires). */
    public boolean setIsolation(IsolationLevel level) {
        if (snapshotTs >= 0 && level != isolation) {
            return false;
        }
        isolation = level;
        return true;
    }

    public WriteOverlay overlay() {
        return overlay;
    }

    public boolean isEnded() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /**
     * Whether it ran a statement that takes a snapshot (at any level: {@link #markQueried}) or took its transaction
     * snapshot (REPEATABLE READ, SERIALIZABLE), after which PostgreSQL fixes its modes (its FirstSnapshotSet).
     */
    public boolean queried() {
        return queried || snapshotTs >= 0;
    }

    /** A statement that takes a snapshot (anything but SET, SHOW, FETCH, transaction control) runs in it. */
    public void markQueried() {
        queried = true;
    }

    /** Declares the transaction READ ONLY (or not); it counts for SSI from the first statement on. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean readOnly() {
        return readOnly;
    }

    /**
     * Says it will write nothing (a single read statement): SSI counts it as READ ONLY, so it stops being tracked
     * once its snapshot proves safe, without the READ ONLY mode's other effects (DEFERRABLE's wait).
     */
    public void setWritesNothing() {
        writesNothing = true;
    }

    /** Read only as SSI sees it: declared READ ONLY, or known to write nothing. */
    boolean readOnlyForSsi() {
        return readOnly || writesNothing;
    }

    /** Declares the transaction DEFERRABLE (or not); only before it took its snapshot, as PostgreSQL requires. */
    public boolean setDeferrable(boolean deferrable) {
        if (snapshotTs >= 0 && deferrable != this.deferrable) {
            return false;
        }
        this.deferrable = deferrable;
        return true;
    }

    /** Whether its first statement waits for a safe snapshot (SERIALIZABLE READ ONLY DEFERRABLE). */
    public boolean awaitsSafeSnapshot() {
        return deferrable && readOnly && isolation == IsolationLevel.SERIALIZABLE && snapshotTs < 0;
    }

    boolean deferrable() {
        return deferrable;
    }

    io.heliosdb.core.txn.ssi.SerializableTransaction serializable() {
        return serializable;
    }

    void setSerializable(io.heliosdb.core.txn.ssi.SerializableTransaction record) {
        serializable = record;
    }

    /** The transaction snapshot (REPEATABLE READ), or -1 before the first statement took it. */
    long snapshotTs() {
        return snapshotTs;
    }

    void setSnapshotTs(long ts) {
        snapshotTs = ts;
    }

    /**
     * A statement met a version committed at {@code ts}, above its snapshot: its restart, and every later
     * statement, reads at or above {@code ts} even while that commit is not durable yet (so a statement never
     * sees less than an earlier one of the same transaction did).
     */
    void raiseReadFloor(long ts) {
        if (ts > readFloor) {
            readFloor = ts;
        }
    }

    long readFloor() {
        return readFloor;
    }

    /** How the current statement waits for locks. */
    public void setLockWait(LockWait wait) {
        lockWait = wait;
    }

    LockWait lockWait() {
        return lockWait;
    }

    LockTable.Mode heldLock(LockKey key) {
        return locks.get(key);
    }

    void recordLock(LockKey key, LockTable.Mode mode) {
        // One map operation for a key locked the first time (every inserted row).
        LockTable.Mode held = locks.putIfAbsent(key, mode);
        if (held == null) {
            lockOrder.add(key);
            if (locks.size() == MANY_LOCKS) {
                Map<LockKey, LockTable.Mode> grown = new HashMap<>(MANY_LOCKS_CAPACITY);
                grown.putAll(locks);
                locks = grown;
            }
        } else if (!held.covers(mode)) {
            locks.put(key, mode);
        }
    }

    /** The locked keys, in the order first locked (the transaction's own list: read it, do not keep it). */
    /** Whether the writes of {@code table}'s rows already hold its catalog entry's shared lock (same definition object). */
    boolean holdsSharedTable(TableDef table) {
        return table == sharedTable;
    }

    /** {@code table}'s catalog entry is share-locked until the transaction ends (or a savepoint before now is rolled back to). */
    void sharedTableLocked(TableDef table) {
        sharedTable = table;
    }

    Iterable<LockKey> lockedKeys() {
        return Collections.unmodifiableList(lockOrder);
    }

    public int lockCount() {
        return locks.size();
    }

    void recordPrior(LockKey key, byte[] stored) {
        if (priorVersions.putIfAbsent(key, stored == null ? ABSENT : stored) == null) {
            priorOrder.add(key);
        }
    }

    /**
     * The newest stored version when the key was locked; null when none was recorded: never locked (a
     * fresh row id), or locked when it was known to have no stored version (see RowKeyCeilings).
     */
    byte[] prior(LockKey key) {
        return priorVersions.get(key);
    }

    /** Whether any stored version was recorded: a transaction that only inserted fresh keys has none. */
    boolean hasPriors() {
        return !priorVersions.isEmpty();
    }

    /** The table as this transaction sees it: its own DDL over the catalog of its snapshot. */
    public Optional<TableDef> table(Catalog.Snapshot committed, String name) {
        if (pendingTables.containsKey(name)) {
            return Optional.ofNullable(pendingTables.get(name));
        }
        return committed.table(name);
    }

    /** Every table as this transaction sees it. */
    public List<TableDef> tables(Catalog.Snapshot committed) {
        List<TableDef> out = new ArrayList<>();
        committed.tables().forEach((name, table) -> {
            if (!pendingTables.containsKey(name)) {
                out.add(table);
            }
        });
        pendingTables.values().forEach(table -> {
            if (table != null) {
                out.add(table);
            }
        });
        return out;
    }

    /** Records a created (definition) or dropped (null) table. */
    public void recordCatalogChange(String name, TableDef definition) {
        pendingTables.put(name, definition);
        ddlCount++;
    }

    Map<String, TableDef> pendingTables() {
        return Collections.unmodifiableMap(pendingTables);
    }

    /** The index as this transaction sees it: its own DDL over the catalog of its snapshot. */
    public Optional<StoredIndex> index(Catalog.Snapshot committed, String name) {
        if (pendingIndexes.containsKey(name)) {
            return Optional.ofNullable(pendingIndexes.get(name));
        }
        return committed.index(name);
    }

    /** The indexes of {@code table} (this incarnation of it) as this transaction sees them, by name. */
    public List<StoredIndex> indexes(Catalog.Snapshot committed, TableDef table) {
        List<StoredIndex> out = new ArrayList<>();
        committed.indexes().forEach((name, index) -> {
            if (!pendingIndexes.containsKey(name) && index.tableId() == table.id()) {
                out.add(index);
            }
        });
        pendingIndexes.values().forEach(index -> {
            if (index != null && index.tableId() == table.id()) {
                out.add(index);
            }
        });
        return out;
    }

    /** Records a created (definition) or dropped (null) index. */
    public void recordIndexChange(String name, StoredIndex index) {
        pendingIndexes.put(name, index);
        ddlCount++;
    }

    Map<String, StoredIndex> pendingIndexes() {
        return Collections.unmodifiableMap(pendingIndexes);
    }

    /** A view, schema or comment as this transaction sees it: its own DDL over the catalog of its snapshot. */
    public Optional<Object> object(Catalog.Snapshot committed, String key) {
        if (pendingObjects.containsKey(key)) {
            return Optional.ofNullable(pendingObjects.get(key));
        }
        return committed.object(key);
    }

    /** Every view, schema and comment as this transaction sees them, by object key. */
    public Map<String, Object> objects(Catalog.Snapshot committed) {
        if (pendingObjects.isEmpty()) {
            return committed.objects();
        }
        Map<String, Object> out = new java.util.TreeMap<>(committed.objects());
        pendingObjects.forEach((key, object) -> {
            if (object == null) {
                out.remove(key);
            } else {
                out.put(key, object);
            }
        });
        return out;
    }

    /** Records a created or changed (the object) or dropped (null) view, schema or comment. */
    public void recordObjectChange(String key, Object object) {
        pendingObjects.put(key, object);
        ddlCount++;
    }

    Map<String, Object> pendingObjects() {
        return Collections.unmodifiableMap(pendingObjects);
    }

    public boolean hasWrites() {
        return !overlay.isEmpty();
    }

    public Mark mark() {
        return new Mark(overlay.mark(), copy(pendingTables), copy(pendingIndexes),
                ddlCount, lockOrder.size(), priorOrder.size(), copy(pendingObjects));
    }

    // Every statement takes a mark, and few transactions have DDL: most marks copy nothing.
    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map.isEmpty() ? Map.of() : new LinkedHashMap<>(map);
    }

    /**
     * Undoes the writes and DDL since {@code mark}; locks stay held, as in PostgreSQL. The DDL count only
     * grows: undone DDL gives a count no plan was made at (a plan made while the undone DDL was there must
     * not match again), and with no DDL since the mark (a READ COMMITTED statement restarted after a lock
     * wait) the catalog this transaction sees is the same, so are its stamp and the plans made for it.
     */
    public void rollbackTo(Mark mark) {
        overlay.rollbackTo(mark.overlayMark());
        if (ddlCount != mark.ddlCount()) {
            pendingTables = new LinkedHashMap<>(mark.pendingTables());
            pendingIndexes = new LinkedHashMap<>(mark.pendingIndexes());
            pendingObjects = new LinkedHashMap<>(mark.pendingObjects());
            ddlCount++;
        }
    }

    /**
     * ROLLBACK TO SAVEPOINT: undoes as {@link #rollbackTo} and also forgets the locks first taken since
     * the savepoint (and the stored versions read under them, which may change once they are gone), as
     * PostgreSQL releases a rolled-back subtransaction's locks.
     *
     * @return the keys whose locks the caller must release in the lock table
     */
    List<LockKey> rollbackToSavepoint(Mark mark) {
        rollbackTo(mark);
        sharedTable = null; // its lock may be among those given back
        List<LockKey> released = new ArrayList<>(lockOrder.subList(mark.lockCount(), lockOrder.size()));
        lockOrder.subList(mark.lockCount(), lockOrder.size()).clear();
        released.forEach(locks::remove);
        List<LockKey> read = priorOrder.subList(mark.priorCount(), priorOrder.size());
        read.forEach(priorVersions::remove);
        read.clear();
        return released;
    }

    /** The statement ended well and no savepoint needs its undo information. */
    public void statementDone() {
        overlay.forgetUndo();
    }

    public SchemaStamp schemaStamp(Catalog.Snapshot committed) {
        return ddlCount == 0 ? new SchemaStamp(committed.version(), 0, 0)
                : new SchemaStamp(committed.version(), id, ddlCount);
    }
}
