package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.util.Arrays;

/**
 * Decodes the read columns of stored rows ({@link RowCodec}'s format) into column arrays, one row
 * position at a time: integer columns into longs (no box per value), other read columns into their
 * usual values, and a null mark per column only once the batch has met a null in it. Unread columns
 * are stepped over as {@link SelectiveRowDecoder} does.
 */
public final class ColumnBatchDecoder {
    private final SqlType[] types;
    private final boolean[] wanted;
    private final boolean[] integer;
    /** Stored as a signed varint: the integer types (decoded into longs when read) and date (only skipped here). */
    private final boolean[] varint;
    private final int end;
    private final long[][] longs;
    private final Object[][] values;
    private final boolean[][] nulls;
    /** Whether {@code nulls[c]} is kept up to date for the current batch (set at its first null). */
    private final boolean[] marking;

    /** {@code wanted[i]} says whether column {@code i} is read; {@code capacity} is the largest batch. */
    public ColumnBatchDecoder(SqlType[] types, boolean[] wanted, int capacity) {
        this.types = types;
        this.wanted = new boolean[types.length];
        this.integer = new boolean[types.length];
        this.varint = new boolean[types.length];
        this.longs = new long[types.length][];
        this.values = new Object[types.length][];
        this.nulls = new boolean[types.length][];
        this.marking = new boolean[types.length];
        int last = -1;
        for (int i = 0; i < types.length; i++) {
            varint[i] = types[i] == SqlType.SMALLINT || types[i] == SqlType.INTEGER || types[i] == SqlType.BIGINT
                    || types[i] == SqlType.DATE;
        }
        for (int i = 0; i < Math.min(types.length, wanted.length); i++) {
            if (!wanted[i]) {
                continue;
            }
            this.wanted[i] = true;
            last = i;
            integer[i] = varint[i] && types[i] != SqlType.DATE;
            if (integer[i]) {
                longs[i] = new long[capacity];
            } else {
                values[i] = new Object[capacity];
            }
            nulls[i] = new boolean[capacity];
        }
        this.end = last + 1;
    }

    /** Forgets the previous batch's null marks (call before decoding its first row). */
    public void startBatch() {
        Arrays.fill(marking, false);
    }

    /**
     * Decodes the row stored from {@code offset} on into position {@code row} of the column arrays.
     * Varints are read straight from the array (the common columns of an analytic scan); other values
     * through {@link RowCodec}. Running off the array is corrupted data, as in {@link ByteReader}.
     */
    public void decode(byte[] bytes, int offset, int row) {
        try {
            decodeRow(bytes, offset, row);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record is truncated");
        }
    }

    private void decodeRow(byte[] b, int offset, int row) {
        int p = offset;
        int stored = 0;
        int x;
        int shift = 0;
        do {
            x = b[p++];
            stored |= (x & 0x7F) << shift;
            shift += 7;
        } while (x < 0 && shift < 28);
        if (x < 0 || stored > types.length) {
            throw new HeliosException(SqlState.DATA_CORRUPTED,
                    "stored row has " + stored + " columns, the table has " + types.length);
        }
        int bitmap = p;
        p += (stored + 7) >> 3;
        for (int i = 0; i < end; i++) {
            // Columns added after the row was written read as null.
            boolean isNull = i >= stored || (b[bitmap + (i >> 3)] & (1 << (i & 7))) != 0;
            if (isNull) {
                if (wanted[i]) {
                    markNull(i, row);
                    if (integer[i]) {
                        longs[i][row] = 0;
                    } else {
                        values[i][row] = null;
                    }
                }
                continue;
            }
            if (varint[i] && !wanted[i]) {
                while (b[p++] < 0) {
                    // a continuation byte
                }
                continue;
            }
            if (integer[i]) {
                long raw = 0;
                int s = 0;
                do {
                    x = b[p++];
                    raw |= (long) (x & 0x7F) << s;
                    s += 7;
                } while (x < 0 && s < 70);
                if (x < 0) {
                    throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record has a malformed varint");
                }
                if (marking[i]) {
                    nulls[i][row] = false;
                }
                longs[i][row] = (raw >>> 1) ^ -(raw & 1);
                continue;
            }
            ByteReader in = new ByteReader(b, p);
            if (wanted[i]) {
                if (marking[i]) {
                    nulls[i][row] = false;
                }
                values[i][row] = RowCodec.readValue(in, types[i]);
            } else {
                SelectiveRowDecoder.skipValue(in, types[i]);
            }
            p = in.position();
        }
    }

    private void markNull(int column, int row) {
        if (!marking[column]) {
            marking[column] = true;
            Arrays.fill(nulls[column], 0, row, false);
        }
        nulls[column][row] = true;
    }

    public long[] longs(int column) {
        return longs[column];
    }

    public Object[] values(int column) {
        return values[column];
    }

    /** The null marks of the current batch, or null when the column has no null in it. */
    public boolean[] nulls(int column) {
        return marking[column] ? nulls[column] : null;
    }
}
