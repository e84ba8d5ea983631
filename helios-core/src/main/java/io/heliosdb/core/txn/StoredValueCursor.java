package io.heliosdb.core.txn;

import io.heliosdb.spi.KvCursor;

/**
 * A cursor whose current value can be read in place: the bytes from {@link #valueOffset()} on are
 * what {@link #value()} would copy out (the buffer may run on past them: an engine's reused buffer;
 * a stored row's encoding says where it ends). Row decoding reads them there, so a scan does not
 * copy every stored row before decoding it. The buffer is the caller's to read only, and only until
 * the next {@link #next()}.
 */
interface StoredValueCursor extends KvCursor {

    byte[] valueBuffer();

    int valueOffset();

    /**
     * Reads up to {@code max} rows at once into {@code buffers}/{@code offsets} from index {@code start} on (each
     * row read in place as {@link #valueBuffer()}/{@link #valueOffset()} would show it, valid until the cursor
     * closes). Returns how many, 0 only at the end; -1 (the default) when this cursor reads one row at a time
     * only, having moved nothing. Afterwards {@link KvCursor#key()} is the key of the last entry it moved over.
     */
    default int nextRows(byte[][] buffers, int[] offsets, int start, int max) {
        return -1;
    }
}
