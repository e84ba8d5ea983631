package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.TableDef;
import java.util.Arrays;
import java.util.List;

/**
 * The rows behind a range of index entries, in entry order: each row is read at the statement's
 * snapshot and returned only while it still encodes to the entry (see {@link TableIndexes}).
 */
final class IndexRowCursor implements RowCursor {
    private final KvCursor entries;
    private final KvReader reader;
    private final StoredIndex index;
    private final List<SqlType> keyTypes;
    private final List<SqlType> types;
    private Object[] row;
    private byte[] rowKey;

    IndexRowCursor(KvCursor entries, KvReader reader, TableDef table, StoredIndex index, List<SqlType> keyTypes) {
        this.entries = entries;
        this.reader = reader;
        this.index = index;
        this.keyTypes = keyTypes;
        this.types = RowKeys.types(table);
    }

    @Override
    public boolean next() {
        while (entries.next()) {
            byte[] key = entries.value();
            byte[] stored = reader.get(CatalogKeys.ROWS, key);
            if (stored == null) {
                continue;
            }
            Object[] candidate = RowCodec.decode(types, stored);
            if (Arrays.equals(IndexKeys.entryKey(index, keyTypes, candidate, key), entries.key())) {
                row = candidate;
                rowKey = key;
                return true;
            }
        }
        row = null;
        rowKey = null;
        return false;
    }

    @Override
    public Object[] row() {
        return row;
    }

    @Override
    public byte[] rowKey() {
        return rowKey;
    }

    @Override
    public void close() {
        entries.close();
    }
}
