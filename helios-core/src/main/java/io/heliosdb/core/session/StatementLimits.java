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
    /** The timeouts as of {@link SessionSettings#version()} {@code settingsVersion} (-1: not read yet). */
    private long settingsVersion = -1;
    private long timeoutMillis;
    private long lockTimeoutMillis;
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
        refresh();
        long timeout = timeoutMillis;
        if (timeout <= 0) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        return deadline == 0 ? 1 : deadline;
    }

    private long lockTimeoutMillis() {
        refresh();
        return lockTimeoutMillis;
    }

    /** Parses the timeouts again only after a setting changed: several statements a second each ask for them. */
    private void refresh() {
        long version = settings.version();
        if (version == settingsVersion) {
            return;
        }
        long timeout = settings.millis("statement_timeout");
        long configured = queryTimeoutSecs * 1000L;
        if (configured > 0 && (timeout <= 0 || configured < timeout)) {
            timeout = configured;
        }
        long lock = settings.millis("lock_timeout");
        timeoutMillis = timeout;
        lockTimeoutMillis = lock > 0 ? lock : DEFAULT_LOCK_TIMEOUT_MILLIS;
        settingsVersion = version;
    }
}
