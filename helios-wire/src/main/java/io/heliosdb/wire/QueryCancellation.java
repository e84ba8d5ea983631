package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/**
 * A request to stop one connection's running statement: a CancelRequest (arriving on another
 * connection's thread) or its statement timeout. The statement streaming rows checks it between rows
 * and stops with 57014; a 57014 the session raised itself is reworded after a timeout, so the client
 * learns why whichever side noticed first.
 */
final class QueryCancellation {
    private static final String USER_REQUEST = "canceling statement due to user request";
    static final String TIMEOUT = "canceling statement due to statement timeout";

    private volatile String requested;
    private volatile boolean timedOut;

    void request() {
        requested = USER_REQUEST;
    }

    void requestTimeout() {
        timedOut = true;
        requested = TIMEOUT;
    }

    /** Forgets a request that came while no statement ran (PostgreSQL ignores those too). */
    void reset() {
        requested = null;
        timedOut = false;
    }

    void check() {
        String reason = requested;
        if (reason != null) {
            requested = null;
            throw new HeliosException(SqlState.QUERY_CANCELED, reason);
        }
    }

    /** The failure as the client should see it: after a timeout, the session's own 57014 says so. */
    RuntimeException explain(RuntimeException failure) {
        if (timedOut && failure instanceof HeliosException e && e.sqlState() == SqlState.QUERY_CANCELED
                && !TIMEOUT.equals(e.getMessage())) {
            return new HeliosException(SqlState.QUERY_CANCELED, TIMEOUT, failure);
        }
        return failure;
    }
}
