package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.sql.RowCursor;
import java.util.List;

/** Decodes stored rows as the executor pulls them. */
final class StoredRowCursor implements RowCursor {
    private final KvCursor rows;
    private final List<SqlType> types;
    private Object[] row;
    private byte[] rowKey;

    StoredRowCursor(KvCursor rows, List<SqlType> types) {
        this.rows = rows;
        this.types = types;
    }

    static RowCursor empty() {
        return single(null, null, List.of());
    }

    static RowCursor single(byte[] key, byte[] value, List<SqlType> types) {
        return new StoredRowCursor(new SingleEntry(key, value), types);
    }

    @Override
    public boolean next() {
        if (!rows.next()) {
            row = null;
            rowKey = null;
            return false;
        }
        rowKey = rows.key();
        row = RowCodec.decode(types, rows.value());
        return true;
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
        rows.close();
    }

    /** A cursor over zero (key null) or one entry. */
    private static final class SingleEntry implements KvCursor {
        private final byte[] key;
        private final byte[] value;
        private boolean done;

        SingleEntry(byte[] key, byte[] value) {
            this.key = key;
            this.value = value;
            this.done = key == null;
        }

        @Override
        public boolean next() {
            if (done) {
                return false;
            }
            done = true;
            return true;
        }

        @Override
        public byte[] key() {
            return key;
        }

        @Override
        public byte[] value() {
            return value;
        }

        @Override
        public void close() {
        }
    }
}
