package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.TableDef;
import java.util.Arrays;
import java.util.List;

/**
 * A range of a table's rows by primary key ({@link io.heliosdb.sql.schema.PrimaryKeyIndex}): row keys are
 * the table id and the key's order-preserving encoding, so the range is one scan of the table's own keys,
 * with the bound conventions of {@link io.heliosdb.sql.ExecutionContext#indexScan}. A key column is never
 * NULL, and a NULL bound element (which sorts after every value) therefore bounds the range just past all
 * the keys that start with the elements before it.
 */
final class PrimaryKeyRanges {

    private PrimaryKeyRanges() {
    }

    static RowCursor scan(KvReader reader, TableDef table, Object[] lower, boolean lowerInclusive, Object[] upper,
                          boolean upperInclusive, boolean reverse) {
        List<SqlType> keyTypes = RowKeys.keyTypes(table);
        byte[] from = CatalogKeys.rowPrefix(table.id());
        byte[] to = CatalogKeys.rowPrefixEnd(table.id());
        if (lower != null && lower.length > 0) {
            from = bound(table, keyTypes, lower, lowerInclusive, true);
        }
        if (upper != null && upper.length > 0) {
            to = bound(table, keyTypes, upper, upperInclusive, false);
        }
        if (Arrays.compareUnsigned(from, to) >= 0) {
            return StoredRowCursor.empty();
        }
        return new StoredRowCursor(reader.scan(CatalogKeys.ROWS, from, to, reverse), RowKeys.types(table));
    }

    /** The scan bound for a key prefix: the first key at or after it ({@code lower}) or the first key past the range. */
    static byte[] bound(TableDef table, List<SqlType> keyTypes, Object[] values, boolean inclusive, boolean lower) {
        if (values.length > keyTypes.size()) {
            throw new IllegalArgumentException("table \"" + table.name() + "\" has " + keyTypes.size()
                    + " key columns, not " + values.length);
        }
        ByteWriter out = new ByteWriter(32).writeLongBE(table.id());
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                // NULL sorts after every value and no key holds one: the bound is past the prefix so far.
                return IndexKeys.prefixEnd(out.toByteArray());
            }
            KeyEncoder.append(out, keyTypes.get(i), values[i]);
        }
        byte[] prefix = out.toByteArray();
        return lower == inclusive ? prefix : IndexKeys.prefixEnd(prefix);
    }
}
