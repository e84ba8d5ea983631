package io.heliosdb.core.session;

/** A cancel request for the statement a session is running (set from another thread). */
final class StatementCancel {
    private volatile boolean requested;

    void request() {
        requested = true;
    }

    /**
     * Clears a request before a statement starts. A volatile write fences even when nothing changes, so the
     * usual case (no request) only reads; a request arriving after that read is for the statement starting.
     */
    void reset() {
        if (requested) {
            requested = false;
        }
    }

    boolean requested() {
        return requested;
    }
}
