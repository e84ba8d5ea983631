package io.heliosdb.spi;

/**
 * A {@link KvCursor} that can also show its current value in place, without the copy that
 * {@link #value()} makes: a scan that only reads each value once (decoding a row) then allocates
 * nothing per entry. The kernel uses this when a cursor offers it; engines need not.
 */
public interface ValueBufferCursor extends KvCursor {

    /**
     * An array whose first {@link #valueLength()} bytes are the current value. It is the engine's to
     * reuse or share: the caller only reads it, and only until the next {@link #next()}.
     */
    byte[] valueBuffer();

    /** How many bytes of {@link #valueBuffer()} the current value takes. */
    int valueLength();
}
