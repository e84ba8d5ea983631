package io.heliosdb.cache;

import io.heliosdb.spi.KeyHash;
import java.util.Arrays;

/**
 * One entry of the compact cache, written into its segment's arena (one byte array shared by all the segment's
 * entries): {@code [use count][keyspace id][key length][value length][key][stored value]}. No array header, no
 * alignment padding and no reference per entry: a row of the kernel (12-byte key, 31-byte version) takes 47 bytes
 * here, where an array of its own took 64. The key length takes one byte below 128 and two (high bit set) up to
 * {@value #MAX_KEY_LENGTH}; longer keys are not cached. The value length is a varint. The use count is the entry's
 * CLOCK counter, changed in place under its segment's lock; {@link #DEAD} marks an entry removed or replaced whose
 * bytes the arena has not reclaimed yet.
 */
final class CompactEntry {
    static final int MAX_KEY_LENGTH = 0x7FFF;
    static final int COUNT = 0;
    static final int KEYSPACE = 1;
    static final int KEY_LENGTH = 2;
    /** The use count of an entry that is no longer in the table. */
    static final byte DEAD = -1;

    private CompactEntry() {
    }

    /** Bytes an entry of this key and value takes in the arena. */
    static int length(int keyLength, int valueLength) {
        return KEY_LENGTH + (keyLength < 0x80 ? 1 : 2) + varintBytes(valueLength) + keyLength + valueLength;
    }

    /** Writes the entry at {@code at} with a use count of zero; returns its length. */
    static int write(byte[] arena, int at, int keyspaceId, byte[] key, byte[] value) {
        arena[at + COUNT] = 0;
        arena[at + KEYSPACE] = (byte) keyspaceId;
        int p = at + KEY_LENGTH;
        if (key.length < 0x80) {
            arena[p++] = (byte) key.length;
        } else {
            arena[p++] = (byte) (0x80 | key.length >>> 8);
            arena[p++] = (byte) key.length;
        }
        for (int v = value.length; ; v >>>= 7) {
            if (v < 0x80) {
                arena[p++] = (byte) v;
                break;
            }
            arena[p++] = (byte) (0x80 | v & 0x7F);
        }
        System.arraycopy(key, 0, arena, p, key.length);
        System.arraycopy(value, 0, arena, p + key.length, value.length);
        return p + key.length + value.length - at;
    }

    static int keyLength(byte[] arena, int at) {
        int first = arena[at + KEY_LENGTH] & 0xFF;
        return first < 0x80 ? first : (first & 0x7F) << 8 | arena[at + KEY_LENGTH + 1] & 0xFF;
    }

    /** Where the value length begins. */
    private static int valueLengthStart(byte[] arena, int at) {
        return (arena[at + KEY_LENGTH] & 0x80) == 0 ? at + KEY_LENGTH + 1 : at + KEY_LENGTH + 2;
    }

    static int valueLength(byte[] arena, int at) {
        int p = valueLengthStart(arena, at);
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = arena[p++];
            v |= (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    static int keyStart(byte[] arena, int at) {
        int p = valueLengthStart(arena, at);
        while (arena[p++] < 0) {
            // the varint's continuation bytes
        }
        return p;
    }

    /** The entry's bytes in the arena. */
    static int length(byte[] arena, int at) {
        return keyStart(arena, at) - at + keyLength(arena, at) + valueLength(arena, at);
    }

    static boolean matches(byte[] arena, int at, int keyspaceId, byte[] key) {
        if ((arena[at + KEYSPACE] & 0xFF) != keyspaceId || keyLength(arena, at) != key.length) {
            return false;
        }
        int start = keyStart(arena, at);
        return Arrays.equals(arena, start, start + key.length, key, 0, key.length);
    }

    /** A copy of the stored value. */
    static byte[] value(byte[] arena, int at) {
        int start = keyStart(arena, at) + keyLength(arena, at);
        return Arrays.copyOfRange(arena, start, start + valueLength(arena, at));
    }

    /** Overwrites the value in place (same length only). */
    static void replaceValue(byte[] arena, int at, byte[] value) {
        System.arraycopy(value, 0, arena, keyStart(arena, at) + keyLength(arena, at), value.length);
    }

    /** The hash the cache places an entry by: of its keyspace and key, computed again when the table moves entries. */
    static int hash(byte[] arena, int at) {
        int start = keyStart(arena, at);
        return KeyHash.of(arena[at + KEYSPACE] & 0xFF, arena, start, start + keyLength(arena, at));
    }

    static int hash(int keyspaceId, byte[] key) {
        return KeyHash.of(keyspaceId, key, 0, key.length);
    }

    private static int varintBytes(int v) {
        return v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5;
    }
}
