package io.heliosdb.core.session;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What {@code pg_stat_activity} shows of one session. Kept in volatile fields written by the
 * session's own thread, so other sessions read it without waiting for the session's monitor (which
 * a statement blocked on a lock holds).
 */
public final class SessionActivity {
    private final int pid;
    private final String user;
    private final LocalDateTime backendStart = now();
    private volatile String applicationName = "";
    private volatile String state = "idle";
    private volatile String query = "";
    private volatile LocalDateTime queryStart;

    SessionActivity(int pid, String user) {
        this.pid = pid;
        this.user = user;
    }

    void started(String sql, String application) {
        applicationName = application == null ? "" : application;
        query = sql;
        queryStart = now();
        state = "active";
    }

    void finished(String idleState, String application) {
        applicationName = application == null ? "" : application;
        state = idleState;
    }

    public int pid() {
        return pid;
    }

    /** A row of pg_stat_activity, in {@link SystemViews#PG_STAT_ACTIVITY} column order. */
    Object[] row(String database) {
        return new Object[] {pid, database, user, applicationName, backendStart, queryStart, state, query};
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
