package io.heliosdb.spi;

/**
 * Reads of an ordered byte-key/byte-value store. Keys compare as unsigned bytes. A keyspace that
 * was never written reads as empty.
 */
public interface KvReader {

    /** The value of {@code key}, or {@code null}. */
    byte[] get(String keyspace, byte[] key);

    /**
     * The entries with {@code from <= key < to} in key order ({@code reverse}: descending).
     * A {@code null} bound is open. The cursor must be closed.
     */
    KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse);
}
