package io.heliosdb.wire;

import io.heliosdb.api.Column;
import io.heliosdb.api.ObjectName;
import io.heliosdb.api.Row;
import io.heliosdb.wire.protocol.BackendMessage.DataRow;
import io.heliosdb.wire.protocol.BackendMessage.Field;
import io.heliosdb.wire.protocol.BackendMessage.RowDescription;
import io.heliosdb.wire.protocol.PgBinaryCodec;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Result columns and rows in their wire form, text (0) or binary (1) per column. */
final class RowEncoder {

    private RowEncoder() {
    }

    /**
     * Expands format codes as Bind gives them: none means all text, one applies to all, otherwise
     * one per column. A wrong count is an ERROR (08P01), not the end of the connection, as in PostgreSQL.
     */
    static short[] resolveFormats(short[] codes, int columns, String what) {
        checkFormatCount(codes, columns, what);
        short[] formats = new short[columns];
        if (codes.length == 1) {
            java.util.Arrays.fill(formats, codes[0]);
        } else if (codes.length == columns) {
            System.arraycopy(codes, 0, formats, 0, columns);
        }
        return formats;
    }

    /** {@link #resolveFormats}'s check alone: 08P01 unless there are none, one, or one per value. */
    static void checkFormatCount(short[] codes, int columns, String what) {
        if (codes.length > 1 && codes.length != columns) {
            throw new HeliosException(SqlState.PROTOCOL_VIOLATION, what + " has " + codes.length + " format codes for " + columns + " values");
        }
    }

    /** The format of value {@code index} by codes {@link #checkFormatCount} accepted (no array per message). */
    static short formatAt(short[] codes, int index) {
        return codes.length == 0 ? 0 : codes[codes.length == 1 ? 0 : index];
    }

    static RowDescription describe(List<Column> columns, short[] formats) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            // object identifiers and int2vector/oidvector are described with their own PostgreSQL types
            int typmod = c.shownAs() != 0 || c.isVector() || c.isComposite() ? -1 : c.typmod();
            fields.add(new Field(c.name(), 0, (short) 0, c.pgTypeOid(), (short) c.pgTypeLength(), typmod,
                    format(c, formats[i])));
        }
        return new RowDescription(fields);
    }

    static DataRow encode(Row row, short[] formats) {
        byte[][] values = new byte[row.size()][];
        for (int i = 0; i < values.length; i++) {
            Object value = row.get(i);
            if (value == null) {
                continue;
            }
            Column column = row.columns().get(i);
            if (format(column, formats[i]) == 0) {
                values[i] = row.getText(i).getBytes(StandardCharsets.UTF_8);
            } else if (value instanceof ObjectName name) {
                values[i] = java.nio.ByteBuffer.allocate(4).putInt(name.oid()).array(); // binary oid: uint4
            } else {
                values[i] = PgBinaryCodec.encode(column.type(), value);
            }
        }
        return new DataRow(values);
    }

    /**
     * The format a column is sent in: a regproc is held as its name only (no OID to send in binary), so it
     * goes as text even when binary is asked for; the RowDescription says so, which clients honour.
     */
    private static short format(Column column, short requested) {
        return column.shownAs() == 24 ? 0 : requested;
    }
}
