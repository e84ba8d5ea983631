package io.heliosdb.wire;

import io.heliosdb.api.Row;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.PgBinaryCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * COPY TO STDOUT in PostgreSQL's binary COPY file format, one CopyData message per row: the header goes
 * out with the first row and the trailer in a message of its own, as PostgreSQL 15 sends them.
 */
final class BinaryCopyWriter implements Consumer<Row> {
    /** "PGCOPY\n\377\r\n\0", then the flags (no OIDs) and the length of the header extension (none). */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private final PgOutput out;
    private boolean headerSent;

    BinaryCopyWriter(PgOutput out) {
        this.out = out;
    }

    @Override
    public void accept(Row row) {
        ByteArrayOutputStream bytes = start();
        try {
            DataOutputStream data = new DataOutputStream(bytes);
            data.writeShort(row.size());
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                if (value == null) {
                    data.writeInt(-1);
                    continue;
                }
                byte[] field = PgBinaryCodec.encode(row.columns().get(i).type(), value);
                data.writeInt(field.length);
                data.write(field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.send(new BackendMessage.CopyData(bytes.toByteArray()));
    }

    /** The trailer (after the header, when there were no rows). */
    void finish() {
        ByteArrayOutputStream bytes = start();
        bytes.writeBytes(TRAILER);
        out.send(new BackendMessage.CopyData(bytes.toByteArray()));
    }

    private ByteArrayOutputStream start() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        if (!headerSent) {
            headerSent = true;
            bytes.writeBytes(HEADER);
        }
        return bytes;
    }
}
