package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/**
 * A CancelRequest for one connection. The request arrives on another connection's thread; the
 * statement streaming rows checks it between rows and stops with 57014.
 */
final class QueryCancellation {
    private volatile boolean requested;

    void request() {
        requested = true;
    }

    /** Forgets a request that came while no statement ran (PostgreSQL ignores those too). */
    void reset() {
        requested = false;
    }

    void check() {
        if (requested) {
            requested = false;
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }
}
