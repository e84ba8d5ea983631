package io.heliosdb.core.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.LocalDateTime;
import java.util.function.Predicate;

/**
 * What {@code pg_stat_activity} shows of one session. Kept in volatile fields written by the
 * session's own thread, so other sessions read it without waiting for the session's monitor (which
 * a statement blocked on a lock holds). The per-statement writes are release stores: a reader still
 * sees each field with everything written before it, and the writer pays no fence per store (five
 * volatile stores, each a fence, on every point select).
 */
public final class SessionActivity {
    private static final VarHandle STATE;
    private static final VarHandle QUERY_START;
    private static final VarHandle QUERY_START_NANOS;
    private static final VarHandle RUNNER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(SessionActivity.class, "state", String.class);
            QUERY_START = lookup.findVarHandle(SessionActivity.class, "queryStartMicros", long.class);
            QUERY_START_NANOS = lookup.findVarHandle(SessionActivity.class, "queryStartNanos", long.class);
            RUNNER = lookup.findVarHandle(SessionActivity.class, "runner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final long NEVER = Long.MIN_VALUE;
    /** {@link #queryStartMicros} not worked out yet: it follows from {@link #queryStartNanos} when read. */
    private static final long PENDING = Long.MIN_VALUE + 1;
    private final int pid;
    private final String user;
    private final LocalDateTime backendStart = now();
    private volatile String applicationName = "";
    private volatile String state = "idle";
    private volatile String query = "";
    /**
     * When the current (or last) statement started, in microseconds since the epoch ({@link #NEVER}
     * before the first, {@link #PENDING} until someone asks): a number per statement, made a timestamp only
     * when pg_stat_activity or the statement's clock functions read it.
     */
    private volatile long queryStartMicros = NEVER;
    /**
     * The same start as {@link System#nanoTime()}, which the session reads anyway to time the statement: a
     * point select reads no wall clock (Instant.now is a native call, ~40 ns here, 5% of such a select).
     */
    private volatile long queryStartNanos;
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

    /** A statement starts; {@code startNanos} is {@link System#nanoTime()} at its start. */
    void started(String sql, String application, long startNanos) {
        // A volatile write costs a fence even when the value is the same (a prepared statement's text).
        String name = application == null ? "" : application;
        if (!name.equals(applicationName)) {
            applicationName = name;
        }
        if (sql != query) {
            query = sql;
        }
        QUERY_START_NANOS.setRelease(this, startNanos);
        QUERY_START.setRelease(this, PENDING); // after the nanos: whoever sees PENDING sees this start's nanos
        RUNNER.setRelease(this, Thread.currentThread());
        STATE.setRelease(this, "active");
    }

    /**
     * When the current (or last) statement started, in UTC, as any thread sees it; the session's own thread
     * fixes it with {@link #fixQueryStart} once the statement needs its timestamp.
     */
    LocalDateTime queryStart() {
        long started = queryStartMicros;
        if (started == PENDING) {
            started = epochMicrosAt(queryStartNanos);
        }
        return started == NEVER ? null : UtcClock.ofEpochMicros(started);
    }

    /**
     * The current statement's start in UTC, worked out once and kept, so that statement_timestamp() and
     * pg_stat_activity's query_start agree. Called by the session's own thread only.
     */
    LocalDateTime fixQueryStart() {
        long started = queryStartMicros;
        if (started == PENDING) {
            started = epochMicrosAt(queryStartNanos);
            QUERY_START.setRelease(this, started);
        }
        return started == NEVER ? null : UtcClock.ofEpochMicros(started);
    }

    /** The wall clock at {@code nanos} (an earlier {@link System#nanoTime()}): now, less the time since. */
    private static long epochMicrosAt(long nanos) {
        long now = UtcClock.epochMicros();
        return now - Math.max(0, System.nanoTime() - nanos) / 1000;
    }

    void finished(String idleState, String application) {
        String name = application == null ? "" : application;
        if (!name.equals(applicationName)) {
            applicationName = name;
        }
        RUNNER.setRelease(this, (Thread) null);
        STATE.setRelease(this, idleState);
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
