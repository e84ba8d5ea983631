package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.wire.protocol.BackendMessage.ErrorResponse;
import io.netty.handler.codec.DecoderException;

/** Turns a failure into the ErrorResponse the client sees. */
final class ErrorResponses {
    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    static final String ERROR = "ERROR";
    static final String FATAL = "FATAL";

    private ErrorResponses() {
    }

    /** A protocol-level error whose SQLSTATE the API's {@link SqlState} does not list (e.g. 42P05). */
    static final class WireError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String sqlState;

        WireError(String sqlState, String message) {
            super(message);
            this.sqlState = sqlState;
        }
    }

    static ErrorResponse of(Throwable failure, String severity) {
        Throwable t = failure instanceof DecoderException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof HeliosException e) {
            return new ErrorResponse(severity, e.sqlState().code(), e.getMessage(), e.detail(), e.hint(),
                    e.position(), e.context(), e.table(), e.column(), e.constraint());
        }
        if (t instanceof WireError e) {
            return new ErrorResponse(severity, e.sqlState, e.getMessage(), null, null, 0);
        }
        // Anything else is a bug somewhere below us: the client gets XX000, the log gets the stack.
        LOG.log(System.Logger.Level.ERROR, "internal error while serving a PostgreSQL client", t);
        return new ErrorResponse(severity, SqlState.INTERNAL_ERROR.code(), String.valueOf(t), null, null, 0);
    }
}
