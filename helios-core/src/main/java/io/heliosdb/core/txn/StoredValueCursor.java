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
}
