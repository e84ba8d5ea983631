package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;

/**
 * Decodes only the columns a query reads from a row in {@link RowCodec}'s format; the others stay
 * null in the returned array (which has the table's full width, so column positions do not change).
 * Unread values are stepped over without building them, and decoding stops after the last wanted
 * column: a scan that aggregates one integer column allocates no strings or boxes for the rest.
 */
public final class SelectiveRowDecoder {
    private final SqlType[] types;
    private final boolean[] wanted;
    private final int end;

    /** {@code wanted[i]} says whether column {@code i} is read; shorter than {@code types} means not read. */
    public SelectiveRowDecoder(SqlType[] types, boolean[] wanted) {
        this.types = types;
        this.wanted = new boolean[types.length];
        int last = -1;
        for (int i = 0; i < Math.min(types.length, wanted.length); i++) {
            this.wanted[i] = wanted[i];
            if (wanted[i]) {
                last = i;
            }
        }
        this.end = last + 1;
    }

    public Object[] decode(byte[] bytes, int offset) {
        ByteReader in = new ByteReader(bytes, offset);
        int stored = in.readLength();
        if (stored > types.length) {
            throw new HeliosException(SqlState.DATA_CORRUPTED,
                    "stored row has " + stored + " columns, the table has " + types.length);
        }
        int bitmap = in.skip((stored + 7) / 8);
        Object[] values = new Object[types.length];
        int stop = Math.min(stored, end);
        for (int i = 0; i < stop; i++) {
            if ((bytes[bitmap + (i >> 3)] & (1 << (i & 7))) != 0) {
                continue;
            }
            if (wanted[i]) {
                values[i] = RowCodec.readValue(in, types[i]);
            } else {
                skipValue(in, types[i]);
            }
        }
        return values;
    }

    /** Steps over one non-null value of {@code type}. */
    static void skipValue(ByteReader in, SqlType type) {
        switch (type) {
            case BOOLEAN -> in.skip(1);
            case SMALLINT, INTEGER, BIGINT, DATE -> in.readVarLong();
            case REAL -> in.skip(4);
            case DOUBLE -> in.skip(8);
            case NUMERIC -> {
                in.readVarLong();
                in.skip(in.readLength());
            }
            case TEXT, VARCHAR, UNKNOWN, CHAR, JSON, JSONB, RECORD -> in.skip(in.readLength());
            case TIMESTAMP -> {
                in.readVarLong();
                in.readVarLong();
            }
            // Rarer layouts: read and drop, so their format is defined in one place only.
            default -> RowCodec.readValue(in, type);
        }
    }
}
