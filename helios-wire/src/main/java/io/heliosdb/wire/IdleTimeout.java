package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TransactionStatus;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL's idle_session_timeout and idle_in_transaction_session_timeout: armed when the server sends
 * ReadyForQuery, for the state it reports (idle, or inside a block, failed or not), and stopped by the next
 * message. On expiry the connection is to end with FATAL 57P05 or 25P03, as PostgreSQL 15 ends it.
 */
final class IdleTimeout {
    /** What ends the connection: told which ReadyForQuery armed the timer, so a later message can veto it. */
    interface Expiry {
        void expired(long generation, HeliosException error);
    }

    private final ScheduledExecutorService timer;
    private final Expiry onExpiry;
    private ScheduledFuture<?> pending;
    /** The two settings in milliseconds as of the session's settings version {@link #readAt}. */
    private long idleMillis;
    private long inTransactionMillis;
    private long readAt = -1;

    IdleTimeout(ScheduledExecutorService timer, Expiry onExpiry) {
        this.timer = timer;
        this.onExpiry = onExpiry;
    }

    /**
     * Arms the timer for {@code status}, if its setting is not 0; the settings are read again only after the
     * session's settings changed, so an idle connection without timeouts costs one comparison.
     */
    void start(Session session, TransactionStatus status, long generation) {
        stop();
        long version = session.settingsVersion();
        if (version < 0 || version != readAt) {
            idleMillis = StatementTimeout.parseMillis(session.setting("idle_session_timeout"));
            inTransactionMillis = StatementTimeout.parseMillis(session.setting("idle_in_transaction_session_timeout"));
            readAt = version;
        }
        boolean inBlock = status != TransactionStatus.IDLE;
        long millis = inBlock ? inTransactionMillis : idleMillis;
        if (millis <= 0) {
            return;
        }
        pending = timer.schedule(() -> onExpiry.expired(generation, expired(inBlock)), millis, TimeUnit.MILLISECONDS);
    }

    static HeliosException expired(boolean inBlock) {
        return inBlock
                ? new HeliosException(SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT,
                        "terminating connection due to idle-in-transaction timeout")
                : new HeliosException(SqlState.IDLE_SESSION_TIMEOUT, "terminating connection due to idle-session timeout");
    }

    void stop() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
