package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.IndexDefCodec;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.catalog.TableDefCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * CREATE/DROP/ALTER TABLE and CREATE/DROP INDEX inside one statement: catalog entries are written
 * into the transaction's overlay under their catalog-key locks, so DDL commits or rolls back with
 * everything else, and a name is claimed under both the table- and index-name locks.
 */
final class TableDdl {
    private final TableRows rows;
    private final TransactionalStore store;
    private final Transaction transaction;
    private final StatementReads reads;
    private final TableIndexes indexes;

    TableDdl(TableRows rows, TransactionalStore store, Transaction transaction, StatementReads reads,
             TableIndexes indexes) {
        this.rows = rows;
        this.store = store;
        this.transaction = transaction;
        this.reads = reads;
        this.indexes = indexes;
    }

    /** See {@link TableRows#createIndex}. */
    StoredIndex createIndex(IndexDef definition) {
        TableDef table = rows.table(definition.table()).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_TABLE,
                "relation \"" + definition.table() + "\" does not exist"));
        String name = definition.name();
        if (nameTaken(name)) {
            throw duplicateTable(name);
        }
        // The name is reserved under the table-name lock too, so CREATE TABLE of the same name waits and sees it.
        byte[] asTable = lockCatalogKey(CatalogKeys.tableKey(name));
        byte[] asIndex = lockCatalogKey(CatalogKeys.indexKey(name));
        if (liveCommitted(asTable, CatalogKeys.tableKey(name)) || liveCommitted(asIndex, CatalogKeys.indexKey(name))) {
            throw duplicateTable(name);
        }
        lockTableExclusively(table);
        try (KvCursor stored = store.engine().scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false)) {
            while (stored.next()) {
                TransactionalStore.checkConflict(transaction, stored.value(), reads.snapshotTs());
            }
        }
        StoredIndex created = new StoredIndex(store.nextTableId(), table.id(), definition);
        buildIndex(table, created);
        return created;
    }

    /** Drops an index and its entries (the table and its rows stay). */
    void dropIndex(StoredIndex index) {
        rows.table(index.table()).ifPresent(this::lockTableExclusively);
        lockAndDropIndex(index);
    }

    /** Drops an index whose catalog entry is not locked yet. */
    void lockAndDropIndex(StoredIndex index) {
        lockCatalogKey(CatalogKeys.indexKey(index.name()));
        overlay().delete(CatalogKeys.CATALOG, CatalogKeys.indexKey(index.name()));
        indexes.dropEntries(index);
        transaction.recordIndexChange(index.name(), null);
    }

    /** Writes an index's catalog entry and fills it from the table's rows. */
    void buildIndex(TableDef table, StoredIndex index) {
        overlay().put(CatalogKeys.CATALOG, CatalogKeys.indexKey(index.name()), IndexDefCodec.encode(index));
        transaction.recordIndexChange(index.name(), index);
        indexes.build(table, index);
    }

    TableDef createTable(TableDef definition) {
        byte[] key = CatalogKeys.tableKey(definition.name());
        if (nameTaken(definition.name())) {
            throw duplicateTable(definition.name());
        }
        byte[] newest = lockCatalogKey(key);
        byte[] indexKey = CatalogKeys.indexKey(definition.name());
        if (liveCommitted(newest, key) || liveCommitted(store.engine().get(CatalogKeys.CATALOG, indexKey), indexKey)) {
            throw duplicateTable(definition.name());
        }
        TableDef created = definition.withId(store.nextTableId());
        overlay().put(CatalogKeys.CATALOG, key, TableDefCodec.encode(created));
        transaction.recordCatalogChange(created.name(), created);
        return created;
    }

    void dropTable(TableDef table) {
        lockCatalogKey(CatalogKeys.tableKey(table.name()));
        for (StoredIndex index : transaction.indexes(reads.catalog(), table)) {
            lockAndDropIndex(index);
        }
        overlay().delete(CatalogKeys.CATALOG, CatalogKeys.tableKey(table.name()));
        try (KvCursor stored = reads.reader().scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false)) {
            while (stored.next()) {
                rows.lockAndDeleteRow(stored.key());
            }
        }
        transaction.recordCatalogChange(table.name(), null);
    }

    /** See {@link TableRows#alterTable}; {@link TableRewrite} does the row rewrite. */
    TableDef alterTable(TableDef old, TableDef replacement, UnaryOperator<Object[]> mapper, IntUnaryOperator columnMap) {
        boolean rename = !old.name().equals(replacement.name());
        if (rename && nameTaken(replacement.name())) {
            throw duplicateTable(replacement.name());
        }
        lockTableExclusively(old);
        TableDef stored = replacement.withId(old.id());
        if (rename) {
            byte[] newKey = CatalogKeys.tableKey(stored.name());
            if (liveCommitted(lockCatalogKey(newKey), newKey)) {
                throw duplicateTable(stored.name());
            }
            overlay().delete(CatalogKeys.CATALOG, CatalogKeys.tableKey(old.name()));
            transaction.recordCatalogChange(old.name(), null);
        }
        List<StoredIndex> oldIndexes = transaction.indexes(reads.catalog(), old);
        overlay().put(CatalogKeys.CATALOG, CatalogKeys.tableKey(stored.name()), TableDefCodec.encode(stored));
        transaction.recordCatalogChange(stored.name(), stored);
        if (mapper == null) {
            if (rename) {
                for (StoredIndex index : oldIndexes) {
                    IndexDef d = index.definition();
                    StoredIndex moved = new StoredIndex(index.id(), index.tableId(),
                            new IndexDef(d.name(), stored.name(), d.columns(), d.descending(), d.unique()));
                    lockCatalogKey(CatalogKeys.indexKey(d.name()));
                    overlay().put(CatalogKeys.CATALOG, CatalogKeys.indexKey(d.name()), IndexDefCodec.encode(moved));
                    transaction.recordIndexChange(d.name(), moved);
                }
            }
            return stored;
        }
        new TableRewrite(rows, this).rewrite(old, stored, oldIndexes, mapper, columnMap);
        return stored;
    }

    private boolean nameTaken(String name) {
        return rows.table(name).isPresent() || rows.index(name).isPresent();
    }

    private byte[] lockCatalogKey(byte[] key) {
        return store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
    }

    /** Locks the table against every writer of its rows and rewrites its entry, so their plans restart. */
    private void lockTableExclusively(TableDef table) {
        byte[] key = CatalogKeys.tableKey(table.name());
        lockCatalogKey(key);
        overlay().put(CatalogKeys.CATALOG, key, TableDefCodec.encode(table));
    }

    /** Whether a catalog entry is live in storage and not deleted by this transaction. */
    private boolean liveCommitted(byte[] stored, byte[] key) {
        return stored != null && !VersionLayout.isDeleted(stored) && overlay().lookup(CatalogKeys.CATALOG, key) == null;
    }

    private WriteOverlay overlay() {
        return transaction.overlay();
    }

    private static HeliosException duplicateTable(String name) {
        return new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + name + "\" already exists");
    }
}
