package io.heliosdb.storage.rocks;

import io.heliosdb.spi.WriteBatch;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A write batch in RocksDB's own serialized form (the WAL record format, see rocksdb's
 * db/write_batch.cc), handed to {@code new org.rocksdb.WriteBatch(byte[])} in one native call. Adding
 * the operations one by one costs a JNI call, two native allocations and two copies per key, which
 * for a 1,000-row commit is a large share of the commit's CPU.
 *
 * <p>Layout: sequence (fixed64, 0: RocksDB assigns it), count (fixed32), then per operation a type
 * byte, the column family id (varint32) unless it is the default family's 0, and the key and the value
 * as varint32-length-prefixed bytes. All fixed-width numbers are little-endian.
 * {@code SerializedWriteBatchTest} compares the bytes with RocksDB's own encoding of the same batch.
 */
final class SerializedWriteBatch {
    private static final int HEADER = 12;
    private static final byte TYPE_DELETION = 0x0;
    private static final byte TYPE_VALUE = 0x1;
    private static final byte TYPE_FAMILY_DELETION = 0x4;
    private static final byte TYPE_FAMILY_VALUE = 0x5;

    private SerializedWriteBatch() {
    }

    /** The batch's bytes; {@code familyId} gives each keyspace's column family id. */
    static byte[] encode(WriteBatch batch, ToIntFunction<String> familyId) {
        List<WriteBatch.Op> ops = batch.ops();
        int n = ops.size();
        int[] families = new int[n];
        // Consecutive operations mostly share a keyspace: look a family up only when it changes.
        String lastKeyspace = null;
        int lastFamily = 0;
        long size = HEADER;
        for (int i = 0; i < n; i++) {
            WriteBatch.Op op = ops.get(i);
            if (!op.keyspace().equals(lastKeyspace)) {
                lastKeyspace = op.keyspace();
                lastFamily = familyId.applyAsInt(lastKeyspace);
            }
            families[i] = lastFamily;
            size += 1 + (lastFamily == 0 ? 0 : varintSize(lastFamily)) + varintSize(op.key().length) + op.key().length;
            if (!op.isDelete()) {
                int length = op.valueLength();
                size += varintSize(length) + length;
            }
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("write batch of " + size + " bytes is too large");
        }
        byte[] out = new byte[(int) size];
        int pos = 8; // the sequence number stays 0
        out[pos++] = (byte) n;
        out[pos++] = (byte) (n >>> 8);
        out[pos++] = (byte) (n >>> 16);
        out[pos++] = (byte) (n >>> 24);
        for (int i = 0; i < n; i++) {
            WriteBatch.Op op = ops.get(i);
            int family = families[i];
            boolean delete = op.isDelete();
            if (family == 0) {
                out[pos++] = delete ? TYPE_DELETION : TYPE_VALUE;
            } else {
                out[pos++] = delete ? TYPE_FAMILY_DELETION : TYPE_FAMILY_VALUE;
                pos = writeVarint(out, pos, family);
            }
            pos = writeBytes(out, pos, op.key());
            if (!delete) {
                // A two-part value (a version header and the row) is copied part by part, never joined first.
                byte[] head = op.head();
                pos = writeVarint(out, pos, op.valueLength());
                if (head != null) {
                    System.arraycopy(head, 0, out, pos, head.length);
                    pos += head.length;
                }
                byte[] body = op.body();
                System.arraycopy(body, 0, out, pos, body.length);
                pos += body.length;
            }
        }
        return out;
    }

    private static int writeBytes(byte[] out, int pos, byte[] bytes) {
        pos = writeVarint(out, pos, bytes.length);
        System.arraycopy(bytes, 0, out, pos, bytes.length);
        return pos + bytes.length;
    }

    private static int writeVarint(byte[] out, int pos, int v) {
        while ((v & ~0x7F) != 0) {
            out[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out[pos++] = (byte) v;
        return pos;
    }

    static int varintSize(int v) {
        int size = 1;
        while ((v & ~0x7F) != 0) {
            size++;
            v >>>= 7;
        }
        return size;
    }
}
