package io.heliosdb.core.txn;

import java.util.Arrays;

/**
 * What a lock protects: one key of one keyspace (a row, or a catalog entry such as a table name).
 * A written key is hashed in the transaction's lock and prior-version maps and in the lock table,
 * several times per commit, so the hash is computed once, here.
 */
public final class LockKey {
    private final String keyspace;
    private final byte[] key;
    private final int hash;

    public LockKey(String keyspace, byte[] key) {
        this.keyspace = keyspace;
        this.key = key;
        this.hash = keyspace.hashCode() * 31 + Arrays.hashCode(key);
    }

    public String keyspace() {
        return keyspace;
    }

    public byte[] key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockKey k && k.hash == hash && k.keyspace.equals(keyspace) && Arrays.equals(k.key, key);
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
