package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The row rewrite of ALTER TABLE (ADD/DROP COLUMN, ADD/DROP PRIMARY KEY): with the table locked
 * exclusively, every row is deleted and inserted again under the new definition (so stored rows
 * always have the current layout and key), and the indexes are rebuilt with their columns remapped;
 * an index on a dropped column is dropped. All of it goes into the transaction's overlay.
 */
final class TableRewrite {
    private final TableRows rows;
    private final TableDdl ddl;

    TableRewrite(TableRows rows, TableDdl ddl) {
        this.rows = rows;
        this.ddl = ddl;
    }

    void rewrite(TableDef old, TableDef replacement, List<StoredIndex> oldIndexes, UnaryOperator<Object[]> mapper,
                 IntUnaryOperator columnMap) {
        // Rows committed after this statement's snapshot are a write conflict, so the rewrite sees them all.
        try (KvCursor stored = rows.store().engine().scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(old.id()),
                CatalogKeys.rowPrefixEnd(old.id()), false)) {
            while (stored.next()) {
                TransactionalStore.checkConflict(rows.transaction(), stored.value(), rows.snapshotTs());
            }
        }
        List<byte[]> keys = new ArrayList<>();
        List<Object[]> values = new ArrayList<>();
        try (KvCursor current = rows.reader().scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(old.id()),
                CatalogKeys.rowPrefixEnd(old.id()), false)) {
            while (current.next()) {
                keys.add(current.key());
                values.add(RowCodec.decode(RowKeys.types(old), current.value()));
            }
        }
        for (StoredIndex index : oldIndexes) {
            ddl.lockAndDropIndex(index);
        }
        for (byte[] key : keys) {
            rows.lockAndDeleteRow(key);
        }
        boolean newKey = !old.primaryKey().equals(replacement.primaryKey()) && replacement.hasPrimaryKey();
        for (Object[] row : values) {
            try {
                rows.insert(replacement, mapper.apply(row));
            } catch (HeliosException e) {
                if (newKey && e.sqlState() == SqlState.UNIQUE_VIOLATION) {
                    String detail = e.detail() == null ? null : e.detail().replace("already exists", "is duplicated");
                    throw new HeliosException(SqlState.UNIQUE_VIOLATION, "could not create unique index \""
                            + replacement.primaryKeyName() + "\"", detail, null, 0, null, replacement.primaryKeyName());
                }
                throw e;
            }
        }
        for (StoredIndex index : oldIndexes) {
            IndexDef d = index.definition();
            List<Integer> columns = new ArrayList<>();
            for (int c : d.columns()) {
                columns.add(columnMap.applyAsInt(c));
            }
            if (columns.contains(-1)) {
                continue;
            }
            StoredIndex rebuilt = new StoredIndex(rows.store().nextTableId(), replacement.id(),
                    new IndexDef(d.name(), replacement.name(), columns, d.descending(), d.unique()));
            ddl.buildIndex(replacement, rebuilt);
        }
    }
}
