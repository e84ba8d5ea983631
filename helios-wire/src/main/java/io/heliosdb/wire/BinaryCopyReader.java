package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.wire.protocol.PgBinaryCodec;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * COPY FROM STDIN's rows read from PostgreSQL's binary COPY file format, decoded with the same binary
 * forms as Bind parameters; errors carry PostgreSQL's messages and SQLSTATEs.
 */
final class BinaryCopyReader implements Iterator<Object[]> {
    private static final int OIDS_FLAG = 1 << 16;
    /** Bits 17-31 are critical: a reader that does not know one must refuse the file. */
    private static final int CRITICAL_FLAGS = 0xfffe0000;

    private final DataInputStream in;
    private final List<SqlType> types;
    private boolean headerRead;
    private boolean ended;
    private Object[] next;

    BinaryCopyReader(InputStream in, List<SqlType> types) {
        this.in = new DataInputStream(in);
        this.types = types;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            try {
                next = readRow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return next != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = next;
        next = null;
        return row;
    }

    private Object[] readRow() throws IOException {
        if (!headerRead) {
            headerRead = true;
            readHeader();
        }
        int first = in.read();
        if (first < 0) {
            ended = true; // PostgreSQL takes the end of the data at a row boundary as the end of the file
            return null;
        }
        int second = in.read();
        if (second < 0) {
            throw unexpectedEof();
        }
        short count = (short) ((first << 8) | second);
        if (count == -1) {
            ended = true;
            if (in.read() >= 0) {
                throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "received copy data after EOF marker");
            }
            return null;
        }
        if (count != types.size()) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "row field count is " + count + ", expected "
                    + types.size());
        }
        Object[] row = new Object[count];
        for (int i = 0; i < count; i++) {
            int size = readInt();
            if (size == -1) {
                continue;
            }
            if (size < 0) {
                throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "invalid field size");
            }
            byte[] field = new byte[size];
            try {
                in.readFully(field);
            } catch (EOFException e) {
                throw unexpectedEof();
            }
            row[i] = decode(types.get(i), field);
        }
        return row;
    }

    private static Object decode(SqlType type, byte[] field) {
        try {
            return PgBinaryCodec.decode(type, field);
        } catch (HeliosException e) {
            throw new HeliosException(SqlState.INVALID_BINARY_REPRESENTATION, "incorrect binary data format");
        }
    }

    private void readHeader() throws IOException {
        byte[] signature = new byte[11];
        try {
            in.readFully(signature);
        } catch (EOFException e) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "COPY file signature not recognized");
        }
        if (!Arrays.equals(signature, 0, 11, BinaryCopyWriter.HEADER, 0, 11)) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "COPY file signature not recognized");
        }
        int flags = headerInt("missing flags");
        if ((flags & OIDS_FLAG) != 0) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "invalid COPY file header (WITH OIDS)");
        }
        if ((flags & CRITICAL_FLAGS) != 0) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "unrecognized critical flags in COPY file header");
        }
        int extension = headerInt("missing length");
        if (extension < 0) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "invalid COPY file header (missing length)");
        }
        try {
            in.skipNBytes(extension);
        } catch (EOFException e) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "invalid COPY file header (wrong length)");
        }
    }

    private int headerInt(String missing) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "invalid COPY file header (" + missing + ")");
        }
    }

    private int readInt() throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw unexpectedEof();
        }
    }

    private static HeliosException unexpectedEof() {
        return new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "unexpected EOF in COPY data");
    }
}
