package io.heliosdb.cache;

import io.heliosdb.spi.KeyHash;
import java.util.Arrays;

/**
 * One entry of the compact cache, written into its segment's arena (one byte array shared by all the segment's
 * entries): {@code [head][keyspace id][key length][value length][key][value]}, the key and the value each without
 * their leading zero bytes (up to {@value #MAX_ZEROS}). Big-endian numbers that are small for their width start with
 * zeros: a kernel row key starts with its 8-byte table id, a stored version with its 8-byte commit timestamp (a
 * counter), so a row (12-byte key, 31-byte version) keeps 5 key and ~26 value bytes, and the entry takes 35 bytes
 * where an array of its own took 64. The head byte holds how many zeros each lost (three bits each) and the use count
 * (two bits: the entry's CLOCK counter, changed in place under its segment's lock). The key length takes one byte
 * below 128 and two (high bit set) up to {@value #MAX_KEY_LENGTH}; longer keys are not cached. The value length is a
 * varint. An entry removed or replaced whose bytes the arena has not reclaimed yet carries {@link #DEAD} as its
 * keyspace id, which no keyspace has.
 */
final class CompactEntry {
    static final int MAX_KEY_LENGTH = 0x7FFF;
    /** Leading zero bytes dropped from a key or a value at most (three bits of the head each). */
    static final int MAX_ZEROS = 7;
    /** The highest use count the head holds. */
    static final int MAX_COUNT = 3;
    static final int HEAD = 0;
    static final int KEYSPACE = 1;
    static final int KEY_LENGTH = 2;
    /** The keyspace id of an entry that is no longer in the table ({@link KeyspaceIds} never gives it). */
    static final int DEAD = 0xFF;
    private static final int COUNT_SHIFT = 6;

    private CompactEntry() {
    }

    /** Leading zero bytes of {@code bytes} that an entry drops: at most {@value #MAX_ZEROS}. */
    static int zeros(byte[] bytes) {
        int n = Math.min(MAX_ZEROS, bytes.length);
        for (int i = 0; i < n; i++) {
            if (bytes[i] != 0) {
                return i;
            }
        }
        return n;
    }

    /** Bytes an entry takes in the arena for a key and a value of these lengths once their zeros are dropped. */
    static int length(int storedKeyLength, int storedValueLength) {
        return KEY_LENGTH + (storedKeyLength < 0x80 ? 1 : 2) + varintBytes(storedValueLength) + storedKeyLength
                + storedValueLength;
    }

    /** Bytes an entry of this key and value takes in the arena. */
    static int lengthOf(byte[] key, byte[] value) {
        return length(key.length - zeros(key), value.length - zeros(value));
    }

    /** Writes the entry at {@code at} with a use count of {@code count}; returns its length. */
    static int write(byte[] arena, int at, int keyspaceId, byte[] key, int keyZeros, byte[] value, int count) {
        int valueZeros = zeros(value);
        int keyLength = key.length - keyZeros;
        int valueLength = value.length - valueZeros;
        arena[at + HEAD] = (byte) (count << COUNT_SHIFT | valueZeros << 3 | keyZeros);
        arena[at + KEYSPACE] = (byte) keyspaceId;
        int p = at + KEY_LENGTH;
        if (keyLength < 0x80) {
            arena[p++] = (byte) keyLength;
        } else {
            arena[p++] = (byte) (0x80 | keyLength >>> 8);
            arena[p++] = (byte) keyLength;
        }
        for (int v = valueLength; ; v >>>= 7) {
            if (v < 0x80) {
                arena[p++] = (byte) v;
                break;
            }
            arena[p++] = (byte) (0x80 | v & 0x7F);
        }
        System.arraycopy(key, keyZeros, arena, p, keyLength);
        System.arraycopy(value, valueZeros, arena, p + keyLength, valueLength);
        return p + keyLength + valueLength - at;
    }

    static boolean isDead(byte[] arena, int at) {
        return (arena[at + KEYSPACE] & 0xFF) == DEAD;
    }

    static void markDead(byte[] arena, int at) {
        arena[at + KEYSPACE] = (byte) DEAD;
    }

    static int count(byte[] arena, int at) {
        return (arena[at + HEAD] & 0xFF) >>> COUNT_SHIFT;
    }

    static void setCount(byte[] arena, int at, int count) {
        arena[at + HEAD] = (byte) (count << COUNT_SHIFT | arena[at + HEAD] & 0x3F);
    }

    private static int keyZeros(byte[] arena, int at) {
        return arena[at + HEAD] & 7;
    }

    private static int valueZeros(byte[] arena, int at) {
        return arena[at + HEAD] >>> 3 & 7;
    }

    /** The key's length in the arena (without its zeros). */
    static int keyLength(byte[] arena, int at) {
        int first = arena[at + KEY_LENGTH] & 0xFF;
        return first < 0x80 ? first : (first & 0x7F) << 8 | arena[at + KEY_LENGTH + 1] & 0xFF;
    }

    /** Where the value length begins. */
    private static int valueLengthStart(byte[] arena, int at) {
        return (arena[at + KEY_LENGTH] & 0x80) == 0 ? at + KEY_LENGTH + 1 : at + KEY_LENGTH + 2;
    }

    /** The value's length in the arena (without its zeros). */
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

    /** Whether the live entry at {@code at} holds this key ({@code keyZeros}: {@link #zeros} of the key). */
    static boolean matches(byte[] arena, int at, int keyspaceId, byte[] key, int keyZeros) {
        int keyLength = key.length - keyZeros;
        if ((arena[at + KEYSPACE] & 0xFF) != keyspaceId || keyZeros(arena, at) != keyZeros
                || keyLength(arena, at) != keyLength) {
            return false;
        }
        int start = keyStart(arena, at);
        return Arrays.equals(arena, start, start + keyLength, key, keyZeros, key.length);
    }

    /** A copy of the value, its zeros restored. */
    static byte[] value(byte[] arena, int at) {
        int start = keyStart(arena, at) + keyLength(arena, at);
        int length = valueLength(arena, at);
        int zeros = valueZeros(arena, at);
        byte[] value = new byte[zeros + length];
        System.arraycopy(arena, start, value, zeros, length);
        return value;
    }

    /** Overwrites the value in place when it takes exactly the bytes of the old one; false when it does not. */
    static boolean replaceValue(byte[] arena, int at, byte[] value) {
        int zeros = zeros(value);
        if (zeros != valueZeros(arena, at) || value.length - zeros != valueLength(arena, at)) {
            return false;
        }
        System.arraycopy(value, zeros, arena, keyStart(arena, at) + keyLength(arena, at), value.length - zeros);
        return true;
    }

    /** The hash the cache places an entry by, computed again from the arena when the table moves entries. */
    static int hash(byte[] arena, int at) {
        int start = keyStart(arena, at);
        return KeyHash.of(arena[at + KEYSPACE] & 0xFF | keyZeros(arena, at) << 8, arena, start,
                start + keyLength(arena, at));
    }

    /** The hash of the keyspace and the key ({@code keyZeros}: {@link #zeros} of the key). */
    static int hash(int keyspaceId, byte[] key, int keyZeros) {
        return KeyHash.of(keyspaceId | keyZeros << 8, key, keyZeros, key.length);
    }

    private static int varintBytes(int v) {
        return v < 1 << 7 ? 1 : v < 1 << 14 ? 2 : v < 1 << 21 ? 3 : v < 1 << 28 ? 4 : 5;
    }
}
