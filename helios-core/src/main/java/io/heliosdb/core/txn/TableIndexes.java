package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.TableDef;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Secondary index entries inside one statement: built by CREATE INDEX, kept in step with every row
 * write in the same transaction overlay (so they commit atomically with the row), removed by DROP.
 *
 * <p>Entries are versioned exactly like rows (see {@link VersionLayout}): an insert writes an entry,
 * a delete writes its deletion, and commit moves the replaced version into history, so a reader at
 * any snapshot sees precisely the entries of the rows it can see, and {@link VersionVacuum} reclaims
 * dead entries as it does dead rows. An index scan still fetches each row at the snapshot and drops
 * it unless it still encodes to the entry's key: that covers the one case versioning does not, a
 * transaction reading its own index built over rows newer than an earlier statement's snapshot.
 *
 * <p>Uniqueness is checked against the newest committed entries plus the transaction's own, under
 * an exclusive lock on the key value itself (index id + key components, see
 * {@link TransactionalStore#lockUniqueKey}) that every writer adding or removing that value takes,
 * so of two sessions inserting the same value the second waits for the first to end, then fails or
 * proceeds, as with primary keys. Keys with a NULL never conflict (PostgreSQL semantics).
 */
final class TableIndexes {
    private final TransactionalStore store;
    private final Transaction transaction;
    private final KvReader reader;
    private final KvReader newest;

    TableIndexes(TransactionalStore store, Transaction transaction, KvReader reader) {
        this.store = store;
        this.transaction = transaction;
        this.reader = reader;
        this.newest = new MergedReader(transaction.overlay(), new SnapshotReader(store.engine(), Long.MAX_VALUE));
    }

    /** Fills a new index from the table's rows as {@code reader} sees them; 23505 on duplicates of a UNIQUE index. */
    void build(TableDef table, StoredIndex index) {
        List<SqlType> keyTypes = IndexKeys.keyTypes(table, index);
        Set<ByteBuffer> seen = index.definition().unique() ? new HashSet<>() : null;
        List<SqlType> types = RowKeys.types(table);
        try (KvCursor rows = reader.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false)) {
            while (rows.next()) {
                Object[] row = RowCodec.decode(types, rows.value());
                Object[] values = IndexKeys.keyValues(index, row);
                if (seen != null && !IndexKeys.hasNull(values)
                        && !seen.add(ByteBuffer.wrap(IndexKeys.valuePrefix(index, keyTypes, values)))) {
                    throw new HeliosException(SqlState.UNIQUE_VIOLATION,
                            "could not create unique index \"" + index.name() + "\"",
                            "Key " + describe(table, index, values) + " is duplicated.", null, 0, null, index.name());
                }
                byte[] entry = IndexKeys.entryKey(index, keyTypes, row, rows.key());
                store.recordIndexPrior(transaction, entry, true);
                transaction.overlay().put(CatalogKeys.INDEXES, entry, rows.key());
            }
        }
    }

    /** Deletes every entry of a dropped index (the newest ones: the caller holds the table exclusively). */
    void dropEntries(StoredIndex index) {
        try (KvCursor entries = newest.scan(CatalogKeys.INDEXES, IndexKeys.start(index), IndexKeys.end(index), false)) {
            while (entries.next()) {
                store.recordIndexPrior(transaction, entries.key(), false);
                transaction.overlay().delete(CatalogKeys.INDEXES, entries.key());
            }
        }
    }

    void insert(TableDef table, List<StoredIndex> indexes, byte[] rowKey, Object[] row) {
        for (StoredIndex index : indexes) {
            List<SqlType> keyTypes = IndexKeys.keyTypes(table, index);
            claim(table, index, keyTypes, row, rowKey);
            put(IndexKeys.entryKey(index, keyTypes, row, rowKey), rowKey);
        }
    }

    void delete(TableDef table, List<StoredIndex> indexes, byte[] rowKey, Object[] row) {
        for (StoredIndex index : indexes) {
            List<SqlType> keyTypes = IndexKeys.keyTypes(table, index);
            lockValue(index, keyTypes, row);
            remove(IndexKeys.entryKey(index, keyTypes, row, rowKey));
        }
    }

    void update(TableDef table, List<StoredIndex> indexes, byte[] oldKey, Object[] oldRow, byte[] newKey,
                Object[] newRow) {
        for (StoredIndex index : indexes) {
            List<SqlType> keyTypes = IndexKeys.keyTypes(table, index);
            byte[] oldEntry = IndexKeys.entryKey(index, keyTypes, oldRow, oldKey);
            byte[] newEntry = IndexKeys.entryKey(index, keyTypes, newRow, newKey);
            if (Arrays.equals(oldEntry, newEntry)) {
                continue;
            }
            if (!Arrays.equals(IndexKeys.valuePrefix(index, keyTypes, IndexKeys.keyValues(index, oldRow)),
                    IndexKeys.valuePrefix(index, keyTypes, IndexKeys.keyValues(index, newRow)))) {
                lockValue(index, keyTypes, oldRow);
                claim(table, index, keyTypes, newRow, newKey);
            }
            remove(oldEntry);
            put(newEntry, newKey);
        }
    }

    /**
     * Locks a unique index key value (exclusively for ON CONFLICT, shared for a foreign key check) and
     * returns the row key of the newest live row holding it (this transaction's own writes included),
     * or null; values with a NULL are never held.
     */
    byte[] lockAndFind(TableDef table, StoredIndex index, Object[] values, boolean exclusive) {
        if (IndexKeys.hasNull(values)) {
            return null;
        }
        byte[] value = IndexKeys.valuePrefix(index, IndexKeys.keyTypes(table, index), values);
        if (exclusive) {
            store.lockUniqueKey(transaction, value);
        } else {
            store.lockUniqueKeyShared(transaction, value);
        }
        try (KvCursor same = newest.scan(CatalogKeys.INDEXES, value, IndexKeys.prefixEnd(value), false)) {
            return same.next() ? same.value() : null;
        }
    }

    /** Rows in index order between two key prefixes, as the statement sees them. */
    RowCursor scan(TableDef table, StoredIndex index, Object[] lower, boolean lowerInclusive, Object[] upper,
                   boolean upperInclusive, boolean reverse) {
        List<SqlType> keyTypes = IndexKeys.keyTypes(table, index);
        byte[] from = IndexKeys.start(index);
        byte[] to = IndexKeys.end(index);
        if (lower != null && lower.length > 0) {
            byte[] p = bound(index, keyTypes, lower);
            from = lowerInclusive ? p : IndexKeys.prefixEnd(p);
        }
        if (upper != null && upper.length > 0) {
            byte[] p = bound(index, keyTypes, upper);
            to = upperInclusive ? IndexKeys.prefixEnd(p) : p;
        }
        if (Arrays.compareUnsigned(from, to) >= 0) {
            return StoredRowCursor.empty();
        }
        KvCursor entries = equalityLookup(lower, lowerInclusive, upper, upperInclusive)
                && reader instanceof MergedReader merged
                // a full key value or an equality prefix: what the index cache holds
                ? merged.scanIndexValue(from, reverse,
                        lower.length < keyTypes.size() ? IndexKeyShape.of(index, keyTypes) : null)
                : reader.scan(CatalogKeys.INDEXES, from, to, reverse);
        return new IndexRowCursor(entries, reader, table, index, keyTypes);
    }

    /** Equality on the first k key columns: both bounds inclusive and equal, so the range is one value prefix. */
    private static boolean equalityLookup(Object[] lower, boolean lowerInclusive, Object[] upper,
                                          boolean upperInclusive) {
        return lowerInclusive && upperInclusive && lower != null && upper != null && lower.length > 0
                && Arrays.equals(lower, upper);
    }

    private static byte[] bound(StoredIndex index, List<SqlType> keyTypes, Object[] values) {
        if (values.length > keyTypes.size()) {
            throw new HeliosException(SqlState.INTERNAL_ERROR, "index \"" + index.name() + "\" has "
                    + keyTypes.size() + " key columns, not " + values.length);
        }
        return IndexKeys.valuePrefix(index, keyTypes, values);
    }

    private void put(byte[] entry, byte[] rowKey) {
        store.recordIndexPrior(transaction, entry, false);
        transaction.overlay().put(CatalogKeys.INDEXES, entry, rowKey);
    }

    private void remove(byte[] entry) {
        store.recordIndexPrior(transaction, entry, false);
        transaction.overlay().delete(CatalogKeys.INDEXES, entry);
    }

    /** Takes the unique key value lock of a UNIQUE index, for a row adding or removing that value. */
    private byte[] lockValue(StoredIndex index, List<SqlType> keyTypes, Object[] row) {
        if (!index.definition().unique()) {
            return null;
        }
        Object[] values = IndexKeys.keyValues(index, row);
        if (IndexKeys.hasNull(values)) {
            return null;
        }
        byte[] value = IndexKeys.valuePrefix(index, keyTypes, values);
        store.lockUniqueKey(transaction, value);
        return value;
    }

    /** 23505 when another live row (committed newest, or this transaction's own) has the row's key value. */
    private void claim(TableDef table, StoredIndex index, List<SqlType> keyTypes, Object[] row, byte[] rowKey) {
        byte[] value = lockValue(index, keyTypes, row);
        if (value == null) {
            return;
        }
        try (KvCursor same = newest.scan(CatalogKeys.INDEXES, value, IndexKeys.prefixEnd(value), false)) {
            while (same.next()) {
                if (!Arrays.equals(same.value(), rowKey)) {
                    throw new HeliosException(SqlState.UNIQUE_VIOLATION,
                            "duplicate key value violates unique constraint \"" + index.name() + "\"",
                            "Key " + describe(table, index, IndexKeys.keyValues(index, row)) + " already exists.",
                            null, 0, null, index.name()).withTable(table.name(), null);
                }
            }
        }
    }

    /** PostgreSQL's {@code (a, b)=(1, x)} for error details. */
    private static String describe(TableDef table, StoredIndex index, Object[] values) {
        List<String> names = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<Integer> columns = index.definition().columns();
        for (int i = 0; i < columns.size(); i++) {
            var column = table.columns().get(columns.get(i));
            names.add(column.name());
            shown.add(values[i] == null ? "null" : column.type().format(values[i]));
        }
        return "(" + String.join(", ", names) + ")=(" + String.join(", ", shown) + ")";
    }
}
