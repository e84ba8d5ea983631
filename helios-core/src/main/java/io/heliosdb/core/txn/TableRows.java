package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.TableDefCodec;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Tables and rows inside one statement of a transaction: reads go through the statement's merged
 * reader, writes into the transaction's overlay (catalog entries included, so DDL commits or rolls
 * back with everything else).
 */
public final class TableRows {
    private final Transaction transaction;
    private final KvReader reader;
    private final Catalog catalog;

    public TableRows(Transaction transaction, KvReader reader, Catalog catalog) {
        this.transaction = transaction;
        this.reader = reader;
        this.catalog = catalog;
    }

    public Optional<TableDef> table(String name) {
        return transaction.table(catalog.snapshot(), name);
    }

    public TableDef createTable(TableDef definition) {
        if (table(definition.name()).isPresent()) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE,
                    "relation \"" + definition.name() + "\" already exists");
        }
        long id = readCounter(CatalogKeys.nextTableIdKey());
        overlay().put(CatalogKeys.CATALOG, CatalogKeys.nextTableIdKey(), CatalogKeys.longValue(id + 1));
        TableDef created = definition.withId(id);
        overlay().put(CatalogKeys.CATALOG, CatalogKeys.tableKey(created.name()), TableDefCodec.encode(created));
        transaction.recordCatalogChange(created.name(), created);
        return created;
    }

    public void dropTable(TableDef table) {
        overlay().delete(CatalogKeys.CATALOG, CatalogKeys.tableKey(table.name()));
        overlay().delete(CatalogKeys.CATALOG, CatalogKeys.nextRowIdKey(table.id()));
        try (KvCursor rows = reader.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false)) {
            while (rows.next()) {
                overlay().delete(CatalogKeys.ROWS, rows.key());
            }
        }
        transaction.recordCatalogChange(table.name(), null);
    }

    public RowCursor scan(TableDef table) {
        KvCursor rows = reader.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(table.id()),
                CatalogKeys.rowPrefixEnd(table.id()), false);
        return new StoredRowCursor(rows, types(table));
    }

    public RowCursor lookup(TableDef table, Object[] key) {
        if (!table.hasPrimaryKey()) {
            throw new HeliosException(SqlState.INTERNAL_ERROR, "table \"" + table.name() + "\" has no primary key");
        }
        byte[] rowKey;
        try {
            rowKey = CatalogKeys.rowKey(table.id(), KeyEncoder.encode(keyTypes(table), key));
        } catch (HeliosException e) {
            // A key value that no column value can equal (e.g. out of the column type's range): no row.
            if (e.sqlState() == SqlState.NUMERIC_VALUE_OUT_OF_RANGE || e.sqlState() == SqlState.NOT_NULL_VIOLATION) {
                return StoredRowCursor.empty();
            }
            throw e;
        }
        byte[] value = reader.get(CatalogKeys.ROWS, rowKey);
        return value == null ? StoredRowCursor.empty() : StoredRowCursor.single(rowKey, value, types(table));
    }

    public void insert(TableDef table, Object[] row) {
        byte[] rowKey;
        if (table.hasPrimaryKey()) {
            rowKey = primaryRowKey(table, row);
            if (reader.get(CatalogKeys.ROWS, rowKey) != null) {
                throw duplicateKey(table, row);
            }
        } else {
            byte[] counterKey = CatalogKeys.nextRowIdKey(table.id());
            long rowId = readCounter(counterKey);
            overlay().put(CatalogKeys.CATALOG, counterKey, CatalogKeys.longValue(rowId + 1));
            rowKey = CatalogKeys.rowKey(table.id(), CatalogKeys.longValue(rowId));
        }
        overlay().put(CatalogKeys.ROWS, rowKey, RowCodec.encode(types(table), row));
    }

    public void update(TableDef table, byte[] rowKey, Object[] newRow) {
        byte[] newKey = table.hasPrimaryKey() ? primaryRowKey(table, newRow) : rowKey;
        if (!Arrays.equals(newKey, rowKey)) {
            if (reader.get(CatalogKeys.ROWS, newKey) != null) {
                throw duplicateKey(table, newRow);
            }
            overlay().delete(CatalogKeys.ROWS, rowKey);
        }
        overlay().put(CatalogKeys.ROWS, newKey, RowCodec.encode(types(table), newRow));
    }

    public void delete(TableDef table, byte[] rowKey) {
        overlay().delete(CatalogKeys.ROWS, rowKey);
    }

    private WriteOverlay overlay() {
        return transaction.overlay();
    }

    private long readCounter(byte[] key) {
        byte[] value = reader.get(CatalogKeys.CATALOG, key);
        return value == null ? 1 : CatalogKeys.readLong(value);
    }

    private byte[] primaryRowKey(TableDef table, Object[] row) {
        List<Integer> pk = table.primaryKey();
        Object[] keyValues = new Object[pk.size()];
        for (int i = 0; i < pk.size(); i++) {
            keyValues[i] = row[pk.get(i)];
            if (keyValues[i] == null) {
                ColumnDef c = table.columns().get(pk.get(i));
                throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + c.name()
                        + "\" of relation \"" + table.name() + "\" violates not-null constraint");
            }
        }
        return CatalogKeys.rowKey(table.id(), KeyEncoder.encode(keyTypes(table), keyValues));
    }

    private static HeliosException duplicateKey(TableDef table, Object[] row) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int index : table.primaryKey()) {
            ColumnDef c = table.columns().get(index);
            names.add(c.name());
            values.add(c.type().format(row[index]));
        }
        return new HeliosException(SqlState.UNIQUE_VIOLATION,
                "duplicate key value violates unique constraint \"" + table.name() + "_pkey\"",
                "Key (" + String.join(", ", names) + ")=(" + String.join(", ", values) + ") already exists.",
                null, 0, null);
    }

    static List<SqlType> types(TableDef table) {
        List<SqlType> types = new ArrayList<>(table.columns().size());
        for (ColumnDef c : table.columns()) {
            types.add(c.type());
        }
        return types;
    }

    static List<SqlType> keyTypes(TableDef table) {
        List<SqlType> types = new ArrayList<>(table.primaryKey().size());
        for (int index : table.primaryKey()) {
            types.add(table.columns().get(index).type());
        }
        return types;
    }
}
