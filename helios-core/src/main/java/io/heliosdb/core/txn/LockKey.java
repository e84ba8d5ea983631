package io.heliosdb.core.txn;

import java.util.Arrays;

/** What a lock protects: one key of one keyspace (a row, or a catalog entry such as a table name). */
public record LockKey(String keyspace, byte[] key) {
    @Override
    public boolean equals(Object o) {
        return o instanceof LockKey k && k.keyspace.equals(keyspace) && Arrays.equals(k.key, key);
    }

    @Override
    public int hashCode() {
        return keyspace.hashCode() * 31 + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return keyspace + ":" + Arrays.toString(key);
    }
}
