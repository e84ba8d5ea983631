package io.heliosdb.core.session;

import java.time.LocalDateTime;
import java.util.function.Predicate;

/**
 * What {@code pg_stat_activity} shows of one session. Kept in volatile fields written by the
 * session's own thread, so other sessions read it without waiting for the session's monitor (which
 * a statement blocked on a lock holds).
 */
public final class SessionActivity {
    private static final long NEVER = Long.MIN_VALUE;
    private final int pid;
    private final String user;
    private final LocalDateTime backendStart = now();
    private volatile String applicationName = "";
    private volatile String state = "idle";
    private volatile String query = "";
    /**
     * When the current (or last) statement started, in microseconds since the epoch ({@link #NEVER}
     * before the first): a number per statement, made a timestamp only when pg_stat_activity is read.
     */
    private volatile long queryStartMicros = NEVER;
    /** Whether a thread waits for a row lock another transaction holds (the lock table's view). */
    private final Predicate<Thread> lockWait;
    /** The thread running the current statement, null between statements: what wait_event looks at. */
    private volatile Thread runner;

    /** Whether a thread waits for a safe snapshot (SERIALIZABLE READ ONLY DEFERRABLE). */
    private final Predicate<Thread> safeSnapshotWait;

    SessionActivity(int pid, String user) {
        this(pid, user, thread -> false, thread -> false);
    }

    SessionActivity(int pid, String user, Predicate<Thread> lockWait, Predicate<Thread> safeSnapshotWait) {
        this.pid = pid;
        this.user = user;
        this.lockWait = lockWait;
        this.safeSnapshotWait = safeSnapshotWait;
    }

    void started(String sql, String application) {
        // A volatile write costs a fence even when the value is the same (a prepared statement's text).
        String name = application == null ? "" : application;
        if (!name.equals(applicationName)) {
            applicationName = name;
        }
        if (sql != query) {
            query = sql;
        }
        queryStartMicros = UtcClock.epochMicros();
        runner = Thread.currentThread();
        state = "active";
    }

    /** When the current (or last) statement started, in UTC. */
    LocalDateTime queryStart() {
        long started = queryStartMicros;
        return started == NEVER ? null : UtcClock.ofEpochMicros(started);
    }

    void finished(String idleState, String application) {
        String name = application == null ? "" : application;
        if (!name.equals(applicationName)) {
            applicationName = name;
        }
        runner = null;
        state = idleState;
    }

    public int pid() {
        return pid;
    }

    /** A row of pg_stat_activity, in {@link SystemViews#PG_STAT_ACTIVITY} column order. */
    Object[] row(String database) {
        // As PostgreSQL reports a backend waiting on a row lock (clients and isolation testers read this).
        Thread running = runner;
        boolean waiting = running != null && lockWait.test(running);
        // PostgreSQL's names for a READ ONLY DEFERRABLE transaction waiting for a safe snapshot.
        boolean safeSnapshot = !waiting && running != null && safeSnapshotWait.test(running);
        LocalDateTime queryStart = queryStart();
        return new Object[] {pid, database, user, applicationName, backendStart, queryStart,
            waiting ? "Lock" : safeSnapshot ? "IPC" : null, waiting ? "transactionid" : safeSnapshot ? "SafeSnapshot"
            : null, state, query};
    }

    private static LocalDateTime now() {
        return UtcClock.nowMicros();
    }
}
