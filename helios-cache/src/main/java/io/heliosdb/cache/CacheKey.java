package io.heliosdb.cache;

import io.heliosdb.spi.KeyHash;
import java.util.Arrays;

/** A cache key: keyspace and key bytes, compared by content (a record would compare the array by identity). */
final class CacheKey {

    private final String keyspace;
    private final byte[] key;
    private final int hash;

    CacheKey(String keyspace, byte[] key) {
        this.keyspace = keyspace;
        this.key = key;
        this.hash = 31 * keyspace.hashCode() + KeyHash.of(key); // see KeyHash for why not Arrays.hashCode
    }

    /** Length of the key bytes (the keyspace string is shared by every key of its keyspace). */
    int keyLength() {
        return key.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CacheKey other && hash == other.hash && Arrays.equals(key, other.key)
                && keyspace.equals(other.keyspace);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return keyspace + ":" + Arrays.toString(key);
    }
}
