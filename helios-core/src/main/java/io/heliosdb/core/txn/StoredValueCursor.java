package io.heliosdb.core.txn;

import io.heliosdb.spi.KvCursor;

/**
 * A cursor whose current value can be read in place: the bytes from {@link #valueOffset()} to the
 * end of {@link #valueBuffer()} are what {@link #value()} would copy out. Row decoding reads them
 * there, so a scan does not copy every stored row before decoding it. The buffer is the caller's
 * to read only, and only until the next {@link #next()}.
 */
interface StoredValueCursor extends KvCursor {

    byte[] valueBuffer();

    int valueOffset();
}
