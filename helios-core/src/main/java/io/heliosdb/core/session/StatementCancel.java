package io.heliosdb.core.session;

/** A cancel request for the statement a session is running (set from another thread). */
final class StatementCancel {
    private volatile boolean requested;

    void request() {
        requested = true;
    }

    void reset() {
        requested = false;
    }

    boolean requested() {
        return requested;
    }
}
