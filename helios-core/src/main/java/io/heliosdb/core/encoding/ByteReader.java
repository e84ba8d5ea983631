package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** Reads what {@link ByteWriter} wrote; running past the end is {@code XX001} (corrupted data). */
public final class ByteReader {
    private final byte[] buf;
    private int pos;

    public ByteReader(byte[] buf) {
        this(buf, 0);
    }

    public ByteReader(byte[] buf, int offset) {
        this.buf = buf;
        this.pos = offset;
    }

    private void need(int n) {
        // Written so that a huge corrupted length cannot overflow past the check.
        if (n > buf.length - pos) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record is truncated");
        }
    }

    public int read() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public byte[] read(int length) {
        if (length < 0) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record has a negative length");
        }
        need(length);
        byte[] out = new byte[length];
        System.arraycopy(buf, pos, out, 0, length);
        pos += length;
        return out;
    }

    /**
     * Steps over {@code length} bytes that the caller reads in place from {@link #buffer()};
     * returns where they start.
     */
    public int skip(int length) {
        if (length < 0) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record has a negative length");
        }
        need(length);
        int start = pos;
        pos += length;
        return start;
    }

    /** The bytes being read, for in-place reads after {@link #skip(int)}; never to be written. */
    public byte[] buffer() {
        return buf;
    }

    public short readShortBE() {
        need(2);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return (short) v;
    }

    public int readIntBE() {
        need(4);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long readLongBE() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long readVarLong() {
        // Reads straight from the array (one bounds check a byte): decoding a scanned row is mostly varints.
        byte[] b = buf;
        int p = pos;
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p >= b.length) {
                throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record is truncated");
            }
            int x = b[p++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                pos = p;
                return v;
            }
        }
        throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record has a malformed varint");
    }

    public long readSignedVarLong() {
        long raw = readVarLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    public int readLength() {
        long n = readVarLong();
        if (n < 0 || n > Integer.MAX_VALUE) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "stored record has a bad length");
        }
        return (int) n;
    }

    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos >= buf.length;
    }
}
