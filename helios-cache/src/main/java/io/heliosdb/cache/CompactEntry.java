package io.heliosdb.cache;

import io.heliosdb.spi.KeyHash;
import java.util.Arrays;

/**
 * One entry of the compact cache as a single byte array: {@code [use count][keyspace id][key length][key][stored
 * value]}. One array per entry instead of Caffeine's node, map node, key object, key array and value array is
 * what makes a row cost ~75 bytes of heap instead of ~190. The key length takes one byte below 128 and two
 * (high bit set) up to {@value #MAX_KEY_LENGTH}; longer keys are not cached. The use count is the entry's CLOCK
 * counter, changed in place under its segment's lock.
 */
final class CompactEntry {
    static final int MAX_KEY_LENGTH = 0x7FFF;
    static final int COUNT = 0;
    static final int KEYSPACE = 1;
    static final int KEY_LENGTH = 2;

    private CompactEntry() {
    }

    static byte[] of(int keyspaceId, byte[] key, byte[] stored) {
        int lengthBytes = key.length < 0x80 ? 1 : 2;
        int keyStart = KEY_LENGTH + lengthBytes;
        byte[] entry = new byte[keyStart + key.length + stored.length];
        entry[KEYSPACE] = (byte) keyspaceId;
        if (lengthBytes == 1) {
            entry[KEY_LENGTH] = (byte) key.length;
        } else {
            entry[KEY_LENGTH] = (byte) (0x80 | key.length >>> 8);
            entry[KEY_LENGTH + 1] = (byte) key.length;
        }
        System.arraycopy(key, 0, entry, keyStart, key.length);
        System.arraycopy(stored, 0, entry, keyStart + key.length, stored.length);
        return entry;
    }

    static int keyLength(byte[] entry) {
        int first = entry[KEY_LENGTH] & 0xFF;
        return first < 0x80 ? first : (first & 0x7F) << 8 | entry[KEY_LENGTH + 1] & 0xFF;
    }

    static int keyStart(byte[] entry) {
        return (entry[KEY_LENGTH] & 0x80) == 0 ? KEY_LENGTH + 1 : KEY_LENGTH + 2;
    }

    static int valueStart(byte[] entry) {
        return keyStart(entry) + keyLength(entry);
    }

    static boolean matches(byte[] entry, int keyspaceId, byte[] key) {
        if ((entry[KEYSPACE] & 0xFF) != keyspaceId || keyLength(entry) != key.length) {
            return false;
        }
        int start = keyStart(entry);
        return Arrays.equals(entry, start, start + key.length, key, 0, key.length);
    }

    /** A copy of the stored value. */
    static byte[] value(byte[] entry) {
        return Arrays.copyOfRange(entry, valueStart(entry), entry.length);
    }

    /** The hash the cache places an entry by: of its keyspace and key, computed again when the table moves entries. */
    static int hash(byte[] entry) {
        int start = keyStart(entry);
        return KeyHash.of(entry[KEYSPACE] & 0xFF, entry, start, start + keyLength(entry));
    }

    static int hash(int keyspaceId, byte[] key) {
        return KeyHash.of(keyspaceId, key, 0, key.length);
    }
}
