package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.sql.schema.TableDef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One transaction: its buffered writes, the catalog changes among them, and whether it holds the
 * write lock. Reads are READ COMMITTED: each statement sees the latest committed state plus this
 * transaction's own writes. (MVCC snapshots replace the per-statement view later without changing
 * this class's callers.)
 */
public final class Transaction {

    /** What a plan was made against: a committed catalog version, or this transaction's own DDL. */
    public record SchemaStamp(long catalogVersion, long transactionId, int ddlCount) {
    }

    private final long id;
    private final WriteOverlay overlay = new WriteOverlay();
    private final Map<String, TableDef> pendingTables = new LinkedHashMap<>();
    private int ddlCount;
    private boolean holdsWriteLock;
    private boolean ended;

    Transaction(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public WriteOverlay overlay() {
        return overlay;
    }

    public boolean holdsWriteLock() {
        return holdsWriteLock;
    }

    void markWriteLockHeld(boolean held) {
        holdsWriteLock = held;
    }

    public boolean isEnded() {
        return ended;
    }

    void end() {
        ended = true;
    }

    /** The table as this transaction sees it: its own DDL over the committed catalog. */
    public Optional<TableDef> table(Catalog.Snapshot committed, String name) {
        if (pendingTables.containsKey(name)) {
            return Optional.ofNullable(pendingTables.get(name));
        }
        return committed.table(name);
    }

    /** Records a created (definition) or dropped (null) table. */
    public void recordCatalogChange(String name, TableDef definition) {
        pendingTables.put(name, definition);
        ddlCount++;
    }

    Map<String, TableDef> pendingTables() {
        return Collections.unmodifiableMap(pendingTables);
    }

    public SchemaStamp schemaStamp(Catalog.Snapshot committed) {
        return ddlCount == 0 ? new SchemaStamp(committed.version(), 0, 0)
                : new SchemaStamp(committed.version(), id, ddlCount);
    }
}
