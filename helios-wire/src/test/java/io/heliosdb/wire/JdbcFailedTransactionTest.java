package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * pgJDBC with autocommit off: whatever fails inside the transaction (a parameter value the server refuses, an
 * entry of a pipelined batch) puts it in the failed state: the next statement gets 25P02 until ROLLBACK, and
 * nothing of it stays, as PostgreSQL 15 answers the same calls.
 */
class JdbcFailedTransactionTest {
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
            s.execute("create table t (id int primary key, note text)");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static long rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select count(*) from t")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String stateOfNextStatement(Connection c) {
        return catchThrowableOfType(() -> {
            try (Statement s = c.createStatement()) {
                s.executeQuery("select 1").close();
            }
        }, SQLException.class).getSQLState();
    }

    @Test
    void parameterValueTheServerRefuses_failsTheTransaction_untilRollback() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into t values (1, 'kept until the error')");
            }
            try (PreparedStatement p = c.prepareStatement("insert into t values (?, 'x')")) {
                p.setObject(1, "abc", Types.OTHER);   // untyped: the server reads it as int and refuses it
                assertThat(catchThrowableOfType(p::executeUpdate, SQLException.class).getSQLState())
                        .isEqualTo("22P02");
            }
            assertThat(stateOfNextStatement(c)).isEqualTo("25P02");
            assertThat(stateOfNextStatement(c)).as("until ROLLBACK").isEqualTo("25P02");
            c.rollback();
            assertThat(rows(c)).isZero();
        }
    }

    @Test
    void failingPipelinedBatch_failsTheTransaction_untilRollback() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into t values (?, 'b')")) {
                for (int id : new int[] {1, 2, 3, 2, 4}) {
                    p.setInt(1, id);
                    p.addBatch();
                }
                BatchUpdateException e = catchThrowableOfType(p::executeBatch, BatchUpdateException.class);
                assertThat(e.getSQLState()).isEqualTo("23505");
            }
            assertThat(stateOfNextStatement(c)).isEqualTo("25P02");
            c.rollback();
            assertThat(rows(c)).isZero();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into t values (5, 'after the rollback')");
            }
            c.commit();
            assertThat(rows(c)).isEqualTo(1);
        }
    }
}
