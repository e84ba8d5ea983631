package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.core.encoding.KeyEncoder;
import io.heliosdb.sql.schema.TableDef;
import java.util.Arrays;
import java.util.List;

/**
 * Keys of the {@code indexes} keyspace: {@code [index id (8, big-endian)][component per key
 * column][row key]}, the row key being the row's full {@code rows}-keyspace key, so rows with equal
 * index keys still get distinct entries. A component is {@code 0x01} + the column's
 * {@link KeyEncoder} bytes, or {@code 0x02} for NULL, so NULLs sort after every value as in
 * PostgreSQL's ascending order; a DESC column inverts every byte of its component, which reverses
 * its order (and puts NULLs first, as PostgreSQL's DESC does). Key encodings are prefix-free and
 * inversion keeps them so, so the concatenation compares column by column and a scan of all entries
 * with a given value prefix is a scan of one key range. The entry's value is the row key.
 */
final class IndexKeys {
    private static final byte PRESENT = 0x01;
    private static final byte NULL = 0x02;

    private IndexKeys() {
    }

    /** The first key of the index's entries. */
    static byte[] start(StoredIndex index) {
        return new ByteWriter(8).writeLongBE(index.id()).toByteArray();
    }

    /** The bound past the index's last entry. */
    static byte[] end(StoredIndex index) {
        return new ByteWriter(8).writeLongBE(index.id() + 1).toByteArray();
    }

    /** The types of the index's key columns, in key order. */
    static List<SqlType> keyTypes(TableDef table, StoredIndex index) {
        return index.definition().columns().stream().map(c -> table.columns().get(c).type()).toList();
    }

    /** The row's key column values, in key order. */
    static Object[] keyValues(StoredIndex index, Object[] row) {
        List<Integer> columns = index.definition().columns();
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row[columns.get(i)];
        }
        return values;
    }

    /** The index id followed by the first {@code values.length} key components. */
    static byte[] valuePrefix(StoredIndex index, List<SqlType> keyTypes, Object[] values) {
        ByteWriter out = new ByteWriter(32).writeLongBE(index.id());
        for (int i = 0; i < values.length; i++) {
            int start = out.size();
            if (values[i] == null) {
                out.write(NULL);
            } else {
                out.write(PRESENT);
                KeyEncoder.append(out, keyTypes.get(i), values[i]);
            }
            if (index.definition().descending().get(i)) {
                out.invertFrom(start);
            }
        }
        return out.toByteArray();
    }

    /** The entry of a row: its whole index key, then its row key. */
    static byte[] entryKey(StoredIndex index, List<SqlType> keyTypes, Object[] row, byte[] rowKey) {
        byte[] prefix = valuePrefix(index, keyTypes, keyValues(index, row));
        byte[] key = Arrays.copyOf(prefix, prefix.length + rowKey.length);
        System.arraycopy(rowKey, 0, key, prefix.length, rowKey.length);
        return key;
    }

    /** The smallest key greater than every key that starts with {@code prefix}. */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] end = Arrays.copyOf(prefix, i + 1);
                end[i]++;
                return end;
            }
        }
        throw new IllegalArgumentException("no key follows an all-0xFF prefix");
    }

    static boolean hasNull(Object[] values) {
        for (Object v : values) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }
}
