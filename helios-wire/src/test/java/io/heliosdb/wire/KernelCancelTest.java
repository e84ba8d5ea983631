package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cancellation and timeouts of real statements of the kernel through pgJDBC (issue 5's "a long query is cancelled
 * with 57014", issue 4's lock waits under lock_timeout and the statement timeout): a CancelRequest, setQueryTimeout
 * and statement_timeout stop a long scan or a row-lock wait with PostgreSQL's SQLSTATE and message, and the
 * connection goes on.
 */
class KernelCancelTest {
    /** A query that runs for minutes unless stopped: it streams no rows, so only a cancel check can end it. */
    private static final String LONG = "select count(*) from generate_series(1, 2000000000)";
    private static KernelServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = KernelServer.startOrSkip();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, v int)");
            s.execute("insert into t values (1, 0)");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    /** Polls pg_stat_activity (bounded) until a session matches {@code condition}: there is no event to wait on. */
    private static void awaitActive(Connection observer, String condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Statement s = observer.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where " + condition)) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no session matched: " + condition);
    }

    private static int one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static void assertState(Throwable e, String state, String message) {
        assertThat(e).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo(state);
        assertThat(e.getMessage()).contains(message);
    }

    @Test
    void cancelRequest_stopsALongScan_with57014_andTheConnectionGoesOn() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); Connection observer = connect()) {
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery(LONG).close();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitActive(observer, "state = 'active' and query = '" + LONG + "'");
            s.cancel();   // a CancelRequest on a new connection with the BackendKeyData of c
            assertState(run.get(60, TimeUnit.SECONDS), "57014", "canceling statement due to user request");
            assertThat(one(s, "select 7")).isEqualTo(7);
        }
    }

    @Test
    void cancelInsideATransaction_failsTheBlockUntilRollback() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); Connection observer = connect()) {
            c.setAutoCommit(false);
            s.execute("update t set v = v + 1 where id = 1");
            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery(LONG).close();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitActive(observer, "state = 'active' and query = '" + LONG + "'");
            s.cancel();
            assertState(run.get(60, TimeUnit.SECONDS), "57014", "canceling statement due to user request");
            assertThatThrownBy(() -> one(s, "select 1")).satisfies(e -> assertState(e, "25P02",
                    "current transaction is aborted"));
            c.rollback();
            assertThat(one(s, "select v from t where id = 1")).isZero();
        }
    }

    @Test
    void setQueryTimeout_andStatementTimeout_stopALongScan() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);   // pgJDBC sends a CancelRequest after one second
            assertThatThrownBy(() -> s.executeQuery(LONG)).satisfies(e -> assertState(e, "57014",
                    "canceling statement due to user request"));
            s.setQueryTimeout(0);
            s.execute("set statement_timeout = '200ms'");
            assertThatThrownBy(() -> s.executeQuery(LONG)).satisfies(e -> assertState(e, "57014",
                    "canceling statement due to statement timeout"));
            s.execute("set statement_timeout = 0");
            assertThat(one(s, "select 8")).isEqualTo(8);
        }
    }

    @Test
    void rowLockWait_endsAtLockTimeout_statementTimeout_andCancel() throws Exception {
        try (Connection holder = connect(); Statement h = holder.createStatement();
             Connection waiter = connect(); Statement w = waiter.createStatement(); Connection observer = connect()) {
            holder.setAutoCommit(false);
            h.executeQuery("select id from t where id = 1 for update").close();

            w.execute("set lock_timeout = '100ms'");
            assertThatThrownBy(() -> w.execute("update t set v = 5 where id = 1")).satisfies(e -> assertState(e,
                    "55P03", "canceling statement due to lock timeout"));
            w.execute("set lock_timeout = 0");
            w.execute("set statement_timeout = '100ms'");
            assertThatThrownBy(() -> w.execute("select id from t where id = 1 for share")).satisfies(e -> assertState(e,
                    "57014", "canceling statement due to statement timeout"));
            w.execute("set statement_timeout = 0");

            CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
                try {
                    w.execute("delete from t where id = 1");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitActive(observer, "wait_event_type = 'Lock'");
            w.cancel();
            assertState(run.get(60, TimeUnit.SECONDS), "57014", "canceling statement due to user request");
            holder.rollback();
            assertThat(one(w, "select count(*) from t where id = 1")).isEqualTo(1);   // the delete did not run
        }
    }
}
