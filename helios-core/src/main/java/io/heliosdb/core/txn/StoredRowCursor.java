package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.RowCodec;
import io.heliosdb.core.encoding.SelectiveRowDecoder;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.sql.RowCursor;
import java.util.List;

/**
 * Decodes stored rows as the executor pulls them: in place when the cursor allows it, and the row
 * key is only copied out when the executor asks for it (updates and deletes do, reads do not).
 */
final class StoredRowCursor implements RowCursor {
    private final KvCursor rows;
    private final StoredValueCursor inPlace;
    private final SqlType[] types;
    /** Null when every column is decoded. */
    private final SelectiveRowDecoder selective;
    private Object[] row;

    StoredRowCursor(KvCursor rows, List<SqlType> types) {
        this(rows, types.toArray(new SqlType[0]), null);
    }

    StoredRowCursor(KvCursor rows, SqlType[] types) {
        this(rows, types, null);
    }

    /** Decodes only the columns with {@code columns[i]} true when {@code columns} is not null. */
    StoredRowCursor(KvCursor rows, List<SqlType> types, boolean[] columns) {
        this(rows, types.toArray(new SqlType[0]), columns);
    }

    private StoredRowCursor(KvCursor rows, SqlType[] types, boolean[] columns) {
        this.rows = rows;
        this.inPlace = rows instanceof StoredValueCursor c ? c : null;
        this.types = types;
        this.selective = columns == null ? null : new SelectiveRowDecoder(this.types, columns);
    }

    static RowCursor empty() {
        return single(null, null, List.of());
    }

    static RowCursor single(byte[] key, byte[] value, List<SqlType> types) {
        return new StoredRowCursor(new SingleEntry(key, value), types);
    }

    static RowCursor single(byte[] key, byte[] value, SqlType[] types) {
        return new StoredRowCursor(new SingleEntry(key, value), types);
    }

    @Override
    public boolean next() {
        if (!rows.next()) {
            row = null;
            return false;
        }
        if (selective != null) {
            row = inPlace != null ? selective.decode(inPlace.valueBuffer(), inPlace.valueOffset())
                    : selective.decode(rows.value(), 0);
        } else {
            row = inPlace != null ? RowCodec.decode(types, inPlace.valueBuffer(), inPlace.valueOffset())
                    : RowCodec.decode(types, rows.value(), 0);
        }
        return true;
    }

    @Override
    public Object[] row() {
        return row;
    }

    @Override
    public byte[] rowKey() {
        return row == null ? null : rows.key();
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
