package io.heliosdb.storage.lmdb;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.Arrays;

/**
 * How keys are laid out in LMDB. LMDB refuses zero-length keys, while the SPI allows them, so every
 * stored key carries one constant leading byte; a shared prefix keeps LMDB's native (unsigned,
 * shorter-first) order identical to the SPI's.
 */
final class StoredKeys {

    private static final byte PREFIX = 0x00;

    private final int maxStoredLength;

    StoredKeys(int maxStoredLength) {
        this.maxStoredLength = maxStoredLength;
    }

    /** Longest key a caller may store. */
    int maxKeyLength() {
        return maxStoredLength - 1;
    }

    /** The stored form of a key being written; too long a key is refused. */
    byte[] forWrite(byte[] key) {
        if (key.length > maxKeyLength()) {
            throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "key of " + key.length + " bytes exceeds the LMDB limit of " + maxKeyLength() + " bytes");
        }
        return encode(key, key.length);
    }

    /** The stored form of a looked-up key, or null when no key that long can be stored. */
    byte[] forLookup(byte[] key) {
        return key.length > maxKeyLength() ? null : encode(key, key.length);
    }

    /**
     * A seek target for a range bound: the bound itself, or its longest storable prefix. A prefix
     * sorts at or before the bound, so cursors seek there and then compare with {@link #exact}.
     */
    byte[] seekTarget(byte[] bound) {
        return encode(bound, Math.min(bound.length, maxKeyLength()));
    }

    /** The full bound in stored form (possibly longer than LMDB accepts; only compared, never passed in). */
    static byte[] exact(byte[] bound) {
        return bound == null ? null : encode(bound, bound.length);
    }

    static byte[] decode(byte[] stored) {
        return Arrays.copyOfRange(stored, 1, stored.length);
    }

    private static byte[] encode(byte[] key, int length) {
        byte[] out = new byte[length + 1];
        out[0] = PREFIX;
        System.arraycopy(key, 0, out, 1, length);
        return out;
    }
}
