package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pgJDBC's executeBatch (Parse once, then Bind/Execute per row before Sync) against the real kernel: the rows
 * run as batches of the session, and what the client sees (counts, the failing entry, transaction state) is what
 * row-by-row execution gives.
 */
class JdbcBatchPipelineTest {
    private static final String INSERT = "insert into t values (?, ?, ?)";
    private static KernelServer server;

    @BeforeAll
    static void start() {
        server = KernelServer.startOrSkip();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop table if exists t");
            s.execute("create table t (id int primary key, grp int not null, note text)");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static long count(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from t where " + where)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double statementsRun(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select value from helios_stats where name = 'queries_total'")) {
            r.next();
            return Double.parseDouble(r.getString(1));
        }
    }

    private static void addRows(PreparedStatement p, int from, int to) throws SQLException {
        for (int id = from; id <= to; id++) {
            p.setInt(1, id);
            p.setInt(2, id % 7);
            p.setString(3, "n" + id);
            p.addBatch();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void batch_insertsEveryRow_asFewStatementsOfTheSession(boolean autocommit) throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(INSERT)) {
            c.setAutoCommit(autocommit);
            double before = statementsRun(c);
            addRows(p, 1, 600);
            int[] counts = p.executeBatch();
            double statements = statementsRun(c) - before;
            if (!autocommit) {
                c.commit();
            }
            assertThat(counts).hasSize(600).containsOnly(1);
            assertThat(statements).as("statements the kernel ran for 600 rows").isLessThan(60);
            assertThat(count(c, "true")).isEqualTo(600);
            assertThat(count(c, "note = 'n' || id and grp = id % 7")).isEqualTo(600);
        }
    }

    @ParameterizedTest
    @CsvSource({"0, true", "100, true", "199, true", "0, false", "100, false", "199, false"})
    void duplicateAtOneRow_failsThatEntry_andLeavesNoRowOfTheBatch(int failing, boolean autocommit)
            throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(INSERT)) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into t values (100000, 0, 'old')");
            }
            c.setAutoCommit(autocommit);
            // Under 256 rows: pgJDBC then sends one Sync, so with autocommit the whole batch is one implicit block.
            for (int i = 0; i < 200; i++) {
                p.setInt(1, i == failing ? 100000 : i + 1);
                p.setInt(2, 0);
                p.setString(3, "new");
                p.addBatch();
            }
            assertThatThrownBy(p::executeBatch).isInstanceOfSatisfying(BatchUpdateException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("23505");
                assertThat(e.getMessage()).contains("Batch entry " + failing + " ");
            });
            if (!autocommit) {
                assertThatThrownBy(() -> count(c, "true")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
                c.rollback();
            }
            assertThat(count(c, "true")).isEqualTo(1);
            assertThat(count(c, "note = 'old'")).isEqualTo(1);
        }
    }

    @Test
    void updateBatch_reportsEachEntrysOwnRowCount() throws SQLException {
        try (Connection c = connect()) {
            try (PreparedStatement p = c.prepareStatement(INSERT)) {
                addRows(p, 1, 70);
                p.executeBatch();
            }
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("update t set note = ? where grp = ?")) {
                for (int grp : new int[] {0, 3, 9, 3, 6}) {
                    u.setString(1, "g" + grp);
                    u.setInt(2, grp);
                    u.addBatch();
                }
                assertThat(u.executeBatch()).containsExactly(10, 10, 0, 10, 10);
            }
            c.commit();
            assertThat(count(c, "note = 'g' || grp")).isEqualTo(30);
        }
    }

    @Test
    void sameRowUpdatedByEveryEntry_eachEntrySeesTheOnesBefore() throws SQLException {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into t values (1, 0, 'x')");
            }
            try (PreparedStatement u = c.prepareStatement("update t set grp = grp * 10 + ? where id = 1")) {
                for (int digit = 1; digit <= 4; digit++) {
                    u.setInt(1, digit);
                    u.addBatch();
                }
                assertThat(u.executeBatch()).containsExactly(1, 1, 1, 1);
            }
            assertThat(count(c, "grp = 1234")).isEqualTo(1);
        }
    }

    @Test
    void mixedStatementsInOneBatch_runInTheirOrder() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.addBatch("insert into t values (1, 1, 'a')");
            s.addBatch("insert into t values (2, 1, 'b')");
            s.addBatch("update t set grp = 2 where id <= 2");
            s.addBatch("insert into t values (3, 1, 'c')");
            s.addBatch("delete from t where grp = 2");
            s.addBatch("insert into t values (4, 1, 'd')");
            assertThat(s.executeBatch()).containsExactly(1, 1, 2, 1, 2, 1);
            c.commit();
            assertThat(count(c, "true")).isEqualTo(2);
            assertThat(count(c, "id in (3, 4)")).isEqualTo(2);
        }
    }

    @Test
    void rollbackToASavepointBeforeAFailedBatch_keepsWhatCameBefore() throws SQLException {
        try (Connection c = connect(); PreparedStatement p = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            addRows(p, 1, 10);
            p.executeBatch();
            Savepoint savepoint = c.setSavepoint();
            addRows(p, 11, 20);
            addRows(p, 5, 5);
            addRows(p, 21, 30);
            assertThatThrownBy(p::executeBatch).isInstanceOf(BatchUpdateException.class);
            c.rollback(savepoint);
            p.clearBatch();
            addRows(p, 31, 40);
            assertThat(p.executeBatch()).hasSize(10).containsOnly(1);
            c.commit();
            assertThat(count(c, "true")).isEqualTo(20);
            assertThat(count(c, "id between 11 and 30")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void batchMeetingAKeyAnOpenTransactionWrote_waits_thenFailsOrSucceedsAsThatTransactionEnds(boolean commit)
            throws Exception {
        try (Connection holder = connect(); Connection batcher = connect(); Connection monitor = connect()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("insert into t values (105, 0, 'holder')");
            }
            CompletableFuture<int[]> batch = CompletableFuture.supplyAsync(() -> {
                try (PreparedStatement p = batcher.prepareStatement(INSERT)) {
                    addRows(p, 100, 110);
                    return p.executeBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitLockWaiter(monitor, batch);
            if (commit) {
                holder.commit();
                assertThatThrownBy(() -> batch.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .satisfies(e -> {
                            BatchUpdateException b = (BatchUpdateException) e.getCause().getCause();
                            assertThat(b.getSQLState()).isEqualTo("23505");
                            assertThat(b.getMessage()).contains("Batch entry 5 ");
                        });
                assertThat(count(monitor, "true")).isEqualTo(1);
            } else {
                holder.rollback();
                assertThat(batch.get(60, TimeUnit.SECONDS)).hasSize(11).containsOnly(1);
                assertThat(count(monitor, "true")).isEqualTo(11);
            }
        }
    }

    /** Polls pg_stat_activity (bounded) until a session waits on a lock: there is no event to wait on. */
    private static void awaitLockWaiter(Connection monitor, CompletableFuture<?> waiter) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement q = monitor.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= 1) {
                        return;
                    }
                }
                assertThat(waiter).as("the batch finished instead of waiting").isNotDone();
                assertThat(System.nanoTime()).as("the batch never waited").isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
