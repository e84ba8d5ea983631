package io.heliosdb.core.txn.ssi;

import java.util.Arrays;

/** A key range {@code [from, to)} of one keyspace; a null bound is open (the keyspace's start or end). */
record KeyRange(String keyspace, byte[] from, byte[] to) {

    boolean contains(String ks, byte[] key) {
        return keyspace.equals(ks) && (from == null || Arrays.compareUnsigned(key, from) >= 0)
                && (to == null || Arrays.compareUnsigned(key, to) < 0);
    }

    /** Whether {@code other} lies wholly inside this range. */
    boolean covers(KeyRange other) {
        return keyspace.equals(other.keyspace)
                && (from == null || other.from != null && Arrays.compareUnsigned(other.from, from) >= 0)
                && (to == null || other.to != null && Arrays.compareUnsigned(other.to, to) <= 0);
    }

    /**
     * The range of the whole relation {@code key} belongs to: row and index keys start with the 8-byte id of
     * their table or index. A shorter key stands for the whole keyspace.
     */
    static KeyRange relationOf(String keyspace, byte[] key) {
        if (key == null || key.length < RELATION_ID_BYTES) {
            return new KeyRange(keyspace, null, null);
        }
        byte[] prefix = Arrays.copyOf(key, RELATION_ID_BYTES);
        return new KeyRange(keyspace, prefix, successor(prefix));
    }

    private static final int RELATION_ID_BYTES = 8;

    /** The smallest key above every key starting with {@code prefix}; null when there is none (all 0xff). */
    private static byte[] successor(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xff) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }

    /** The relation range holding this whole range, or the whole keyspace when it spans several relations. */
    KeyRange relation() {
        KeyRange relation = relationOf(keyspace, from);
        return relation.covers(this) ? relation : new KeyRange(keyspace, null, null);
    }
}
