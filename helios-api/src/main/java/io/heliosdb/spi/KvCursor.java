package io.heliosdb.spi;

/** A position in a range scan. */
public interface KvCursor extends AutoCloseable {

    /** Moves to the next entry; false at the end. */
    boolean next();

    /** The current key (valid after {@link #next()} returned true). */
    byte[] key();

    /** The current value. */
    byte[] value();

    @Override
    void close();
}
