package io.heliosdb.core.txn.ssi;

/** Hears the reads of a SERIALIZABLE transaction's statements, before each read is made. */
public interface ReadTracking {

    /** A point read of {@code key} (whether or not it exists). */
    void point(String keyspace, byte[] key);

    /** A scan of {@code [from, to)}; a null bound is open. */
    void range(String keyspace, byte[] from, byte[] to);
}
