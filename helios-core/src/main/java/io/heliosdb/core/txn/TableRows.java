package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tables and rows inside one statement of a transaction: reads go through the statement's snapshot
 * reader, writes into the transaction's overlay (catalog entries included, so DDL commits or rolls
 * back with everything else). Every write first locks its key: a row key exclusively, and the
 * table's catalog entry shared (DROP TABLE takes it exclusively), so a concurrent writer of the
 * same row waits, and a row committed after the statement's snapshot is a write conflict.
 * Uniqueness is checked against the newest committed version under the lock, so two sessions
 * inserting the same key cannot both commit. Secondary indexes are kept by {@link TableIndexes}.
 */
public final class TableRows {
    private final TransactionalStore store;
    private final Transaction transaction;
    private final KvReader reader;
    private final StatementReads reads;
    private final TableIndexes indexes;
    private final TableDdl ddl;
    private KvReader newestReader;
    /** The column and key types of the table inserted into last: a batch writes one table many times. */
    private TableDef typedTable;
    private List<io.heliosdb.api.SqlType> columnTypes;
    private List<io.heliosdb.api.SqlType> keyTypes;

    public TableRows(TransactionalStore store, Transaction transaction, StatementReads reads) {
        this.store = store;
        this.transaction = transaction;
        this.reads = reads;
        this.reader = reads.reader();
        this.indexes = new TableIndexes(store, transaction, reader);
        this.ddl = new TableDdl(this, store, transaction, reads, indexes);
    }

    public Optional<TableDef> table(String name) {
        return transaction.table(reads.catalog(), name);
    }

    /** Relation sizes as this statement's snapshot sees them. */
    public RelationSizes sizes() {
        return new RelationSizes(reader);
    }

    /** The sequence definitions as this statement sees them. */
    public SequenceCatalog sequences() {
        return new SequenceCatalog(store, transaction, reads);
    }

    public RoleCatalog roles() {
        return new RoleCatalog(store, transaction, reads);
    }

    /** The views, schemas and comments as this statement sees them. */
    public ObjectCatalog objects() {
        return new ObjectCatalog(store, transaction, reads);
    }

    public Optional<StoredIndex> index(String name) {
        return transaction.index(reads.catalog(), name);
    }


    /** Every index this statement sees, by name. */
    public List<StoredIndex> allIndexes() {
        java.util.Map<String, StoredIndex> all = new java.util.TreeMap<>(reads.catalog().indexes());
        transaction.pendingIndexes().forEach((name, index) -> {
            if (index == null) {
                all.remove(name);
            } else {
                all.put(name, index);
            }
        });
        return List.copyOf(all.values());
    }

    /** The indexes of the named table, by name; none when there is no such table. */
    public List<StoredIndex> indexes(String tableName) {
        return table(tableName).map(t -> transaction.indexes(reads.catalog(), t)).orElse(List.of());
    }

    /**
     * Creates an index and fills it. The indexed table's catalog entry is locked exclusively (no
     * writer of its rows is active until this transaction ends) and rewritten unchanged, so a
     * statement planned without the index that then writes the table restarts (40001 above READ
     * COMMITTED) instead of leaving the new index behind. Rows committed after this statement's
     * snapshot are a write conflict too, so the index is built from exactly the rows it sees.
     */
    public StoredIndex createIndex(IndexDef definition) {
        return ddl.createIndex(definition);
    }

    /** Drops an index and its entries (the table and its rows stay). */
    public void dropIndex(StoredIndex index) {
        ddl.dropIndex(index);
    }

    /** Rows in index order between two key prefixes; see {@link io.heliosdb.sql.ExecutionContext#indexScan}. */
    public RowCursor indexScan(IndexDef definition, Object[] lower, boolean lowerInclusive, Object[] upper,
                               boolean upperInclusive, boolean reverse) {
        if (io.heliosdb.sql.schema.PrimaryKeyIndex.is(definition)) {
            TableDef table = table(definition.table()).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_TABLE,
                    "relation \"" + definition.table() + "\" does not exist"));
            return PrimaryKeyRanges.scan(reader, table, lower, lowerInclusive, upper, upperInclusive, reverse);
        }
        StoredIndex index = index(definition.name()).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_OBJECT,
                "index \"" + definition.name() + "\" does not exist"));
        TableDef table = table(index.table()).filter(t -> t.id() == index.tableId()).orElseThrow(
                () -> new HeliosException(SqlState.UNDEFINED_TABLE, "relation \"" + index.table() + "\" does not exist"));
        return indexes.scan(table, index, lower, lowerInclusive, upper, upperInclusive, reverse);
    }

    public TableDef createTable(TableDef definition) {
        return ddl.createTable(definition);
    }

    public void dropTable(TableDef table) {
        ddl.dropTable(table);
    }

    /** Every table this statement sees (the transaction's own DDL over its snapshot's catalog), by name. */
    public List<TableDef> tables() {
        return transaction.tables(reads.catalog()).stream()
                .sorted(java.util.Comparator.comparing(TableDef::name)).toList();
    }

    /** See {@link io.heliosdb.sql.ExecutionContext#lockConflicting}. */
    public RowCursor lockConflicting(TableDef table, IndexDef arbiter, Object[] row) {
        lockTable(table);
        byte[] rowKey;
        if (arbiter == null) {
            rowKey = RowKeys.primaryRowKey(table, row);
            if (overlay().lookup(CatalogKeys.ROWS, rowKey) == null) {
                store.lockForWrite(transaction, CatalogKeys.ROWS, rowKey, reads.snapshotTs());
            }
        } else {
            StoredIndex index = index(arbiter.name()).orElseThrow(() -> new HeliosException(SqlState.UNDEFINED_OBJECT,
                    "index \"" + arbiter.name() + "\" does not exist"));
            rowKey = indexes.lockAndFind(table, index, IndexKeys.keyValues(index, row), true);
            if (rowKey == null) {
                return StoredRowCursor.empty();
            }
            lockRow(rowKey);
        }
        byte[] value = reader.get(CatalogKeys.ROWS, rowKey);
        return value == null ? StoredRowCursor.empty() : StoredRowCursor.single(rowKey, value, RowKeys.types(table));
    }

    /** See {@link io.heliosdb.sql.ExecutionContext#lockRow}: the table's entry shared (DROP waits), then the row. */
    public boolean lockForSelect(TableDef table, byte[] rowKey, boolean exclusive, io.heliosdb.sql.RowLockWait wait) {
        return lockForSelect(table, rowKey, exclusive ? io.heliosdb.sql.RowLockMode.UPDATE
                : io.heliosdb.sql.RowLockMode.SHARE, wait);
    }

    /** {@link #lockForSelect(TableDef, byte[], boolean, io.heliosdb.sql.RowLockWait)} in PostgreSQL's four row lock modes. */
    public boolean lockForSelect(TableDef table, byte[] rowKey, io.heliosdb.sql.RowLockMode mode,
                                 io.heliosdb.sql.RowLockWait wait) {
        lockTable(table);
        return store.lockForSelect(transaction, CatalogKeys.ROWS, rowKey, RowLockModes.of(mode), wait,
                reads.snapshotTs(), table.name());
    }

    /** {@link #lockForSelect} for a READ COMMITTED cursor's FETCH: see {@link io.heliosdb.sql.ExecutionContext#lockRowRechecking}. */
    public io.heliosdb.sql.RowLockOutcome lockForCursor(TableDef table, byte[] rowKey, io.heliosdb.sql.RowLockMode mode,
                                                        io.heliosdb.sql.RowLockWait wait) {
        lockTable(table);
        return store.lockForCursor(transaction, CatalogKeys.ROWS, rowKey, RowLockModes.of(mode), wait,
                reads.snapshotTs(), table.name());
    }

    /** The row's newest committed version with this transaction's writes (a re-check's input); null when deleted. */
    public Object[] newestRow(TableDef table, byte[] rowKey) {
        byte[] value = newest().get(CatalogKeys.ROWS, rowKey);
        if (value == null) {
            return null;
        }
        try (RowCursor row = StoredRowCursor.single(rowKey, value, RowKeys.typeArray(table))) {
            return row.next() ? row.row() : null;
        }
    }

    /** See {@link io.heliosdb.sql.ExecutionContext#lockReferenced}. */
    public boolean lockReferenced(TableDef parent, List<Integer> columns, Object[] values) {
        lockTable(parent);
        if (parent.hasPrimaryKey() && columns.size() == parent.primaryKey().size()
                && columns.containsAll(parent.primaryKey())) {
            Object[] key = new Object[columns.size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = values[columns.indexOf(parent.primaryKey().get(i))];
            }
            byte[] rowKey;
            try {
                rowKey = CatalogKeys.rowKey(parent.id(), KeyEncoder.encode(RowKeys.keyTypes(parent), key));
            } catch (HeliosException e) {
                if (e.sqlState() == SqlState.NUMERIC_VALUE_OUT_OF_RANGE) {
                    return false;
                }
                throw e;
            }
            // FOR KEY SHARE, as PostgreSQL's check: an UPDATE of the parent's non-key columns does not wait.
            store.lockShared(transaction, CatalogKeys.ROWS, rowKey, reads.snapshotTs(), LockTable.Mode.KEY_SHARE);
            return newest().get(CatalogKeys.ROWS, rowKey) != null;
        }
        for (StoredIndex index : transaction.indexes(reads.catalog(), parent)) {
            List<Integer> indexed = index.definition().columns();
            if (index.definition().unique() && indexed.size() == columns.size() && indexed.containsAll(columns)) {
                Object[] ordered = new Object[indexed.size()];
                for (int i = 0; i < ordered.length; i++) {
                    ordered[i] = values[columns.indexOf(indexed.get(i))];
                }
                return indexes.lockAndFind(parent, index, ordered, false) != null;
            }
        }
        throw new HeliosException(SqlState.INVALID_FOREIGN_KEY, "there is no unique constraint matching given keys for "
                + "referenced table \"" + parent.name() + "\"");
    }

    /** Every row in the newest committed state plus this transaction's writes. */
    public RowCursor scanNewest(TableDef table) {
        KvCursor rows = newest().scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false);
        return new StoredRowCursor(rows, RowKeys.types(table));
    }

    private KvReader newest() {
        if (newestReader == null) {
            newestReader = new MergedReader(overlay(), new SnapshotReader(store.engine(), Long.MAX_VALUE));
        }
        return newestReader;
    }

    /** See {@link io.heliosdb.sql.ExecutionContext#alterTable}; {@link TableDdl} does the work. */
    public TableDef alterTable(TableDef old, TableDef replacement, java.util.function.UnaryOperator<Object[]> rows,
                               java.util.function.IntUnaryOperator columnMap) {
        return ddl.alterTable(old, replacement, rows, columnMap);
    }

    // ---- package-private pieces for TableRewrite and TableDdl

    KvReader reader() {
        return reader;
    }

    long snapshotTs() {
        return reads.snapshotTs();
    }

    TransactionalStore store() {
        return store;
    }

    /** The database's threads for parallel aggregates, or null (see {@link TransactionalStore#parallelWorkers}). */
    public java.util.concurrent.Executor parallelWorkers() {
        return store.parallelWorkers();
    }

    Transaction transaction() {
        return transaction;
    }

    /** Deletes a row this statement read, under its lock. */
    void lockAndDeleteRow(byte[] rowKey) {
        lockRow(rowKey);
        overlay().delete(CatalogKeys.ROWS, rowKey);
    }

    public RowCursor scan(TableDef table) {
        KvCursor rows = reader.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false);
        return new StoredRowCursor(rows, RowKeys.types(table));
    }

    /** {@link #scan(TableDef)} decoding only the columns with {@code columns[i]} true (the rest read as null). */
    public RowCursor scan(TableDef table, boolean[] columns) {
        KvCursor rows = reader.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false);
        return new StoredRowCursor(rows, RowKeys.types(table), columns);
    }

    /** {@link #scan(TableDef, boolean[])} in column batches; {@code rowsRead} hears each batch's row count. */
    public io.heliosdb.sql.ColumnBatchCursor scanBatches(TableDef table, boolean[] columns,
                                                         java.util.function.LongConsumer rowsRead) {
        byte[] end = CatalogKeys.rowPrefixEnd(table.id());
        io.heliosdb.sql.ColumnBatchCursor copied = copiedColumns(table, columns, rowsRead);
        if (copied != null) {
            return copied;
        }
        KvCursor rows = reader.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()), end, false);
        // Engines whose read views several threads can scan at full speed may split the rest of a long scan.
        ColumnBatchScan.Range rest = store.parallelScans() ? new ColumnBatchScan.Range(reader, CatalogKeys.ROWS, end)
                : null;
        return new ColumnBatchScan(rows, RowKeys.typeArray(table), columns, rowsRead, rest);
    }

    /**
     * The scan from the table's decoded column copy ({@link TableColumnCopies}), made now if this is the second
     * scan of the unchanged table; null when there is none to read (Memory-only mode only, integer columns only,
     * no own writes to the table, not under SERIALIZABLE read tracking).
     */
    private io.heliosdb.sql.ColumnBatchCursor copiedColumns(TableDef table, boolean[] columns,
                                                            java.util.function.LongConsumer rowsRead) {
        TableColumnCopies copies = store.columnCopies();
        if (copies == null || !(reader instanceof MergedReader merged)) {
            return null;
        }
        io.heliosdb.api.SqlType[] types = RowKeys.typeArray(table);
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] && (i >= types.length || !ColumnCopyCursor.copied(types[i]))) {
                return null;
            }
        }
        byte[] from = CatalogKeys.rowPrefix(table.id());
        byte[] end = CatalogKeys.rowPrefixEnd(table.id());
        if (!merged.committedOnly(CatalogKeys.ROWS, from, end)) {
            return null;
        }
        long ts = reads.snapshotTs();
        TableColumnCopies.Copy copy = copies.find(table.id(), types, columns, ts);
        if (copy == null && copies.worthCopying(table.id(), types, ts)) {
            boolean[] wanted = copies.columnsToCopy(table.id(), types, columns);
            long room = copies.room(table.id());
            copy = TableColumnCopies.read(reader.scan(CatalogKeys.ROWS, from, end, false), table.id(), types, wanted,
                    ts, room);
            if (copy != null) {
                copies.install(copy);
            } else {
                copies.refused(table.id(), types, ts);
            }
        }
        return copy == null ? null : new ColumnCopyCursor(copy, columns, 0, copy.rows(), rowsRead);
    }

    public RowCursor lookup(TableDef table, Object[] key) {
        if (!table.hasPrimaryKey()) {
            throw new HeliosException(SqlState.INTERNAL_ERROR, "table \"" + table.name() + "\" has no primary key");
        }
        byte[] rowKey;
        try {
            rowKey = CatalogKeys.rowKey(table.id(), KeyEncoder.encode(RowKeys.keyTypes(table), key));
        } catch (HeliosException e) {
            // A key value that no column value can equal (e.g. out of the column type's range): no row.
            if (e.sqlState() == SqlState.NUMERIC_VALUE_OUT_OF_RANGE || e.sqlState() == SqlState.NOT_NULL_VIOLATION) {
                return StoredRowCursor.empty();
            }
            throw e;
        }
        byte[] value = reader.get(CatalogKeys.ROWS, rowKey);
        return value == null ? StoredRowCursor.empty() : StoredRowCursor.single(rowKey, value, RowKeys.typeArray(table));
    }

    /**
     * The row of {@code table} stored under {@code rowKey} as this statement reads it (WHERE CURRENT OF): zero
     * or one rows; none for a null key.
     */
    public RowCursor rowByKey(TableDef table, byte[] rowKey) {
        byte[] prefix = CatalogKeys.rowPrefix(table.id());
        if (rowKey == null || rowKey.length < prefix.length || !java.util.Arrays.equals(rowKey, 0, prefix.length, prefix, 0, prefix.length)) {
            return StoredRowCursor.empty();   // a key of another table (one dropped and made again): not this row
        }
        byte[] value = reader.get(CatalogKeys.ROWS, rowKey);
        return value == null ? StoredRowCursor.empty() : StoredRowCursor.single(rowKey, value, RowKeys.typeArray(table));
    }

    public void insert(TableDef table, Object[] row) {
        lockTable(table);
        typesOf(table);
        byte[] rowKey;
        if (table.hasPrimaryKey()) {
            rowKey = RowKeys.primaryRowKey(table, keyTypes, row);
            claimKey(table, rowKey, row);
        } else {
            // A fresh hidden row id is known to no one else: nothing to lock or check.
            rowKey = CatalogKeys.rowKey(table.id(), CatalogKeys.longValue(store.nextRowId(table.id())));
        }
        List<StoredIndex> tableIndexes = transaction.indexes(reads.catalog(), table);
        if (!tableIndexes.isEmpty()) {
            indexes.insert(table, tableIndexes, rowKey, row);
        }
        overlay().put(CatalogKeys.ROWS, rowKey, RowCodec.encode(columnTypes, row));
    }

    /** Looks up the column and key types of {@code table} unless it is the table written last. */
    private void typesOf(TableDef table) {
        if (table != typedTable) {
            columnTypes = RowKeys.types(table);
            keyTypes = RowKeys.keyTypes(table);
            typedTable = table;
        }
    }

    /** Writes the new version of the row at {@code rowKey}; returns the row's key now (new when its primary key changed). */
    public byte[] update(TableDef table, byte[] rowKey, Object[] newRow) {
        lockTable(table);
        byte[] newKey = table.hasPrimaryKey() ? RowKeys.primaryRowKey(table, newRow) : rowKey;
        List<StoredIndex> tableIndexes = transaction.indexes(reads.catalog(), table);
        // The row as the statement read it (a newer committed one is a conflict once locked).
        Object[] oldRow = tableIndexes.isEmpty() ? null : currentRow(table, rowKey);
        boolean keyChange = !Arrays.equals(newKey, rowKey) || UniqueKeyChange.changes(table, tableIndexes, oldRow, newRow);
        store.lockForWrite(transaction, CatalogKeys.ROWS, rowKey, reads.snapshotTs(),
                keyChange ? LockTable.Mode.EXCLUSIVE : LockTable.Mode.NO_KEY_EXCLUSIVE);
        if (!Arrays.equals(newKey, rowKey)) {
            claimKey(table, newKey, newRow);
        }
        if (!tableIndexes.isEmpty()) {
            if (oldRow != null) {
                indexes.update(table, tableIndexes, rowKey, oldRow, newKey, newRow);
            }
        }
        if (!Arrays.equals(newKey, rowKey)) {
            overlay().delete(CatalogKeys.ROWS, rowKey);
        }
        overlay().put(CatalogKeys.ROWS, newKey, RowCodec.encode(RowKeys.types(table), newRow));
        return newKey;
    }

    public void delete(TableDef table, byte[] rowKey) {
        lockTable(table);
        lockRow(rowKey);
        List<StoredIndex> tableIndexes = transaction.indexes(reads.catalog(), table);
        if (!tableIndexes.isEmpty()) {
            Object[] oldRow = currentRow(table, rowKey);
            if (oldRow != null) {
                indexes.delete(table, tableIndexes, rowKey, oldRow);
            }
        }
        overlay().delete(CatalogKeys.ROWS, rowKey);
    }

    /** The row as this transaction sees it now; under the row's lock that is also its newest version. */
    private Object[] currentRow(TableDef table, byte[] rowKey) {
        byte[] stored = reader.get(CatalogKeys.ROWS, rowKey);
        return stored == null ? null : RowCodec.decode(RowKeys.types(table), stored);
    }

    /** Locks a row this statement read and means to change; a newer committed version is a conflict. */
    private void lockRow(byte[] rowKey) {
        store.lockForWrite(transaction, CatalogKeys.ROWS, rowKey, reads.snapshotTs());
    }

    private void lockTable(TableDef table) {
        // Each single-row INSERT of a transaction is a statement of its own: skip the lock it already holds.
        if (transaction.holdsSharedTable(table)) {
            return;
        }
        store.lockShared(transaction, CatalogKeys.CATALOG, CatalogKeys.tableKey(table.name()), reads.snapshotTs());
        transaction.sharedTableLocked(table);
    }

    /**
     * Makes sure no other row holds {@code rowKey}: this transaction's own writes first, then the
     * newest committed version, read under the key's lock (waiting for a concurrent inserter).
     */
    private void claimKey(TableDef table, byte[] rowKey, Object[] row) {
        byte[] own = overlay().lookup(CatalogKeys.ROWS, rowKey);
        if (own != null) {
            if (!WriteOverlay.isTombstone(own)) {
                throw RowKeys.duplicateKey(table, row);
            }
            return;
        }
        byte[] newest;
        try {
            newest = store.lockForInsert(transaction, table.id(), rowKey, reads.snapshotTs());
        } catch (HeliosException e) {
            // A key committed after the snapshot (the lock is held by now): a duplicate if it is live, else free.
            if (e.sqlState() != SqlState.SERIALIZATION_FAILURE || !holdsLock(rowKey)) {
                throw e;
            }
            newest = store.engine().get(CatalogKeys.ROWS, rowKey);
        }
        if (newest != null && !VersionLayout.isDeleted(newest)) {
            throw RowKeys.duplicateKey(table, row);
        }
    }

    /**
     * Tables and rows for reading only, seeing this transaction's writes as they are now and no later ones
     * (the parts of a statement with data-modifying WITH queries read the data as it was when it began).
     */
    public TableRows frozenReads() {
        return new TableRows(store, transaction, reads.frozen(overlay()));
    }

    private boolean holdsLock(byte[] rowKey) {
        return transaction.heldLock(new LockKey(CatalogKeys.ROWS, rowKey)) == LockTable.Mode.EXCLUSIVE;
    }

    private WriteOverlay overlay() {
        return transaction.overlay();
    }
}
