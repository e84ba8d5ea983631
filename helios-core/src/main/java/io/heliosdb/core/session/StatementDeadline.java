package io.heliosdb.core.session;

/**
 * The deadline ({@code System.nanoTime()}, 0: none) of the statement a session is running now. A cursor
 * reads its rows during later FETCHes, each of which is a statement with its own statement_timeout, so
 * the cursor's plan checks this (reset as each statement begins) rather than the deadline of its DECLARE.
 */
final class StatementDeadline {
    private volatile long nanos;

    /** Only the session's own thread sets it; an unchanged value (usually 0: no timeout) is not written again. */
    void set(long deadlineNanos) {
        if (nanos != deadlineNanos) {
            this.nanos = deadlineNanos;
        }
    }

    long nanos() {
        return nanos;
    }
}
