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

    /**
     * Moves over up to {@code max} entries at once, putting their keys and values into {@code keys} and
     * {@code values} from index 0: the engine's own arrays, each value the whole array, unchanged for as long
     * as the cursor is open (the caller only reads them). A scan that gathers many entries before it reads
     * any lets the processor fetch their memory at once instead of one entry after another. Afterwards the
     * cursor stands on the last entry gathered. Returns how many it gathered, 0 at the end; -1 (the default)
     * when the engine cannot hand out its arrays so, having moved nothing: then read with {@link #next()}.
     */
    default int nextEntries(byte[][] keys, byte[][] values, int max) {
        return -1;
    }

    /** Tells {@link #nextValues} from an entry's value whether the caller also needs that entry's key. */
    @FunctionalInterface
    interface KeyWanted {
        boolean test(byte[] value, int offset, int length);
    }

    /**
     * As {@link #nextEntries}, for engines whose keys and values cost a copy each: the engine may pack several
     * values into one array (entry {@code i} is {@code values[i]} from {@code offsets[i]}, {@code lengths[i]} bytes,
     * unchanged for as long as the cursor is open), and fetches an entry's key into {@code keys[i]} only where
     * {@code wanted} asks for it (null elsewhere). Afterwards the cursor stands on the last entry gathered. Returns
     * how many it gathered, 0 at the end; -1 (the default) when the engine does not offer it, having moved nothing.
     */
    default int nextValues(byte[][] values, int[] offsets, int[] lengths, byte[][] keys, KeyWanted wanted, int max) {
        return -1;
    }
}
