package io.heliosdb.wire.protocol;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** Bytes that break the protocol: the connection answers with a FATAL 08P01 and closes. */
public final class ProtocolViolation extends HeliosException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolation(String message) {
        super(SqlState.PROTOCOL_VIOLATION, message);
    }

    /** A violation with its own SQLSTATE (a message over the size limit is 54000). */
    public ProtocolViolation(SqlState state, String message) {
        super(state, message);
    }
}
