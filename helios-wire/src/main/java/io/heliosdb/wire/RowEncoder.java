package io.heliosdb.wire;

import io.heliosdb.api.Column;
import io.heliosdb.api.Row;
import io.heliosdb.api.SqlType;
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
        short[] formats = new short[columns];
        if (codes.length == 1) {
            java.util.Arrays.fill(formats, codes[0]);
        } else if (codes.length == columns) {
            System.arraycopy(codes, 0, formats, 0, columns);
        } else if (codes.length != 0) {
            throw new HeliosException(SqlState.PROTOCOL_VIOLATION, what + " has " + codes.length + " format codes for " + columns + " values");
        }
        return formats;
    }

    static RowDescription describe(List<Column> columns, short[] formats) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            SqlType type = c.type();
            fields.add(new Field(c.name(), 0, (short) 0, type.oid(), (short) type.length(), c.typmod(), formats[i]));
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
            values[i] = formats[i] == 1
                    ? PgBinaryCodec.encode(row.columns().get(i).type(), value)
                    : row.getText(i).getBytes(StandardCharsets.UTF_8);
        }
        return new DataRow(values);
    }
}
