package io.heliosdb.core.encoding;

import java.util.Arrays;

/** A growable byte buffer with the primitive writes the encoders need (big-endian, varints). */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(32);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(8, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public ByteWriter write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public ByteWriter write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    public ByteWriter write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
        return this;
    }

    public ByteWriter writeShortBE(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter writeIntBE(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public ByteWriter writeLongBE(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Unsigned LEB128. */
    public ByteWriter writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** Zig-zag then LEB128, so small negative numbers stay small. */
    public ByteWriter writeSignedVarLong(long v) {
        return writeVarLong((v << 1) ^ (v >> 63));
    }

    /** Inverts every byte written at or after {@code start} (a descending key component). */
    public ByteWriter invertFrom(int start) {
        for (int i = start; i < size; i++) {
            buf[i] = (byte) ~buf[i];
        }
        return this;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
