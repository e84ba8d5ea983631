package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.ByteWriter;
import java.util.Arrays;

/**
 * How row and catalog versions sit in storage.
 *
 * <p>The newest committed version of a key stays under the plain key in its own keyspace
 * ({@code rows}, {@code indexes} or {@code catalog}), so the common read (a snapshot at or after that commit) is one
 * storage get, exactly as before MVCC. Its value is {@code [commit ts (8)][kind (1)][payload]},
 * kind 1 marking a deletion that older snapshots may still need to look past.
 *
 * <p>When a commit replaces that newest version, the replaced stored value moves (unchanged) into
 * the {@value #VERSIONS} keyspace under {@code [keyspace tag][key length (4)][key][MAX - commit ts]}.
 * The length prefix keeps every version of one key contiguous even when another key extends it,
 * and the inverted timestamp orders them newest first, so "newest version at or before snapshot S"
 * is a seek to {@code [...key][MAX - S]} and one step. Keeping old versions apart means scans of the
 * newest data never step over history, and vacuum finds all history in one keyspace.
 */
public final class VersionLayout {
    public static final String VERSIONS = "versions";

    private static final byte LIVE = 0;
    private static final byte DELETED = 1;
    private static final int HEADER = 9;
    private static final byte[] EMPTY = new byte[0];
    /** Where the payload of a live stored version starts. */
    static final int PAYLOAD_OFFSET = HEADER;

    private VersionLayout() {
    }

    /** A stored version: {@code payload} null for a deletion. */
    static byte[] encode(long commitTs, byte[] payload) {
        // Every written row goes through here at commit: one exact-size array, no growable buffer.
        byte[] out = new byte[HEADER + (payload == null ? 0 : payload.length)];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (commitTs >>> (56 - 8 * i));
        }
        out[8] = payload == null ? DELETED : LIVE;
        if (payload != null) {
            System.arraycopy(payload, 0, out, HEADER, payload.length);
        }
        return out;
    }

    /**
     * The header of every live version a commit at {@code commitTs} writes: a commit shares one such array among
     * all its values ({@link io.heliosdb.spi.WriteBatch#put(String, byte[], byte[], byte[])}), so writing a row
     * copies it once, into the engine's batch, instead of first into a version array of its own.
     */
    static byte[] liveHeader(long commitTs) {
        return encode(commitTs, EMPTY);
    }

    /** Whether a stored version written by {@code op} (whole or as header and payload) is a deletion. */
    static boolean isDeleted(io.heliosdb.spi.WriteBatch.Op op) {
        byte[] head = op.head();
        return head != null && head.length > 8 ? head[8] == DELETED : op.body()[8] == DELETED;
    }

    static long commitTs(byte[] stored) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (stored[i] & 0xFF);
        }
        return v;
    }

    static boolean isDeleted(byte[] stored) {
        return stored[8] == DELETED;
    }

    /** {@link #isDeleted(byte[])} of a stored version that starts at {@code offset} in {@code array}. */
    static boolean isDeleted(byte[] array, int offset) {
        return array[offset + 8] == DELETED;
    }

    /** The row or catalog value, or null when the version is a deletion. */
    static byte[] payload(byte[] stored) {
        return isDeleted(stored) ? null : Arrays.copyOfRange(stored, HEADER, stored.length);
    }

    static byte tag(String keyspace) {
        return switch (keyspace) {
            case CatalogKeys.CATALOG -> 1;
            case CatalogKeys.ROWS -> 2;
            case CatalogKeys.INDEXES -> 3;
            default -> throw new IllegalArgumentException("keyspace " + keyspace + " is not versioned");
        };
    }

    static String keyspace(byte tag) {
        return switch (tag) {
            case 1 -> CatalogKeys.CATALOG;
            case 2 -> CatalogKeys.ROWS;
            case 3 -> CatalogKeys.INDEXES;
            default -> throw new IllegalArgumentException("unknown version tag " + tag);
        };
    }

    /** The versions-keyspace key of {@code key}'s version committed at {@code commitTs}. */
    static byte[] versionKey(String keyspace, byte[] key, long commitTs) {
        return new ByteWriter(key.length + 13).write(tag(keyspace)).writeIntBE(key.length).write(key)
                .writeLongBE(Long.MAX_VALUE - commitTs).toByteArray();
    }

    /** The bound past the oldest possible version of {@code key} (inverted timestamps stay below 0x80...). */
    static byte[] versionsEnd(String keyspace, byte[] key) {
        return new ByteWriter(key.length + 13).write(tag(keyspace)).writeIntBE(key.length).write(key)
                .writeLongBE(Long.MIN_VALUE).toByteArray();
    }

    /** The key-identifying part of a versions-keyspace key (everything but the timestamp). */
    static byte[] versionGroup(byte[] versionKey) {
        return Arrays.copyOf(versionKey, versionKey.length - 8);
    }

    static long versionTs(byte[] versionKey) {
        long inverted = 0;
        for (int i = versionKey.length - 8; i < versionKey.length; i++) {
            inverted = (inverted << 8) | (versionKey[i] & 0xFF);
        }
        return Long.MAX_VALUE - inverted;
    }

    static String groupKeyspace(byte[] group) {
        return keyspace(group[0]);
    }

    static byte[] groupKey(byte[] group) {
        return Arrays.copyOfRange(group, 5, group.length);
    }
}
