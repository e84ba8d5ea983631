package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.LockWait;

/**
 * What ends a session's statement early: its deadline ({@code statement_timeout}, or the configured
 * query timeout when that is shorter), {@code lock_timeout} for lock waits, and a cancel request.
 */
final class StatementLimits {
    private static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 60_000;

    private final SessionSettings settings;
    private final int queryTimeoutSecs;
    private final StatementCancel cancel;
    /**
     * The timeouts as of a settings version (read up to three times per statement), each on its own: a
     * bad lock_timeout must not stop the statements that never wait on a lock (such as the SET fixing it).
     */
    private long timeoutMillis;
    private long timeoutReadAt = -1;
    private long lockTimeoutMillis;
    private long lockTimeoutReadAt = -1;
    private LockWait untimed;

    StatementLimits(SessionSettings settings, int queryTimeoutSecs, StatementCancel cancel) {
        this.settings = settings;
        this.queryTimeoutSecs = queryTimeoutSecs;
        this.cancel = cancel;
    }

    /** Throws 57014 when the running statement was cancelled. */
    void checkCancelled() {
        if (cancel.requested()) {
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    /** Lock waits end at {@code lock_timeout}, on cancel, and at the statement's deadline. */
    LockWait lockWait() {
        long deadline = deadlineNanos();
        if (deadline == 0) {
            // Without a deadline the wait depends on lock_timeout alone: one object until it changes.
            long lockMillis = lockTimeoutMillis();
            if (untimed == null || untimed.timeoutMillis() != lockMillis) {
                untimed = new LockWait(lockMillis, this::checkCancelled);
            }
            return untimed;
        }
        return new LockWait(lockTimeoutMillis(), () -> {
            checkCancelled();
            if (deadline != 0 && System.nanoTime() - deadline > 0) {
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
            }
        });
    }

    /** The {@link System#nanoTime()} a statement starting now must end by, or 0 for no limit. */
    long deadlineNanos() {
        long timeout = timeoutMillis();
        if (timeout <= 0) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        return deadline == 0 ? 1 : deadline;
    }

    /** The statement's time limit in milliseconds (0: none), parsed again only after a setting changed. */
    private long timeoutMillis() {
        long version = settings.version();
        if (version != timeoutReadAt) {
            long timeout = settings.millis("statement_timeout");
            long configured = queryTimeoutSecs * 1000L;
            if (configured > 0 && (timeout <= 0 || configured < timeout)) {
                timeout = configured;
            }
            timeoutMillis = timeout;
            timeoutReadAt = version;
        }
        return timeoutMillis;
    }

    private long lockTimeoutMillis() {
        long version = settings.version();
        if (version != lockTimeoutReadAt) {
            long configured = settings.millis("lock_timeout");
            lockTimeoutMillis = configured > 0 ? configured : DEFAULT_LOCK_TIMEOUT_MILLIS;
            lockTimeoutReadAt = version;
        }
        return lockTimeoutMillis;
    }
}
