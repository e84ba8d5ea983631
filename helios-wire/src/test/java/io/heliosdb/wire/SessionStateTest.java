package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** ParameterStatus after SET, startup settings, and the extended protocol's implicit transaction, via pgJDBC. */
class SessionStateTest {
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

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void startupParameter_becomesASessionSetting() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("user=postgres&ApplicationName=from-url"));
             Statement s = c.createStatement()) {
            assertThat(one(s, "show application_name")).isEqualTo("from-url");
            assertThat(c.unwrap(PGConnection.class).getParameterStatus("application_name")).isEqualTo("from-url");
        }
    }

    @Test
    void setOfAReportedParameter_sendsParameterStatusAgain() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            s.execute("set application_name = 'renamed'");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("renamed");
            s.execute("set DateStyle = 'ISO, DMY'");
            assertThat(pg.getParameterStatus("DateStyle")).isEqualTo("ISO, DMY");
            s.execute("set application_name = 'again'");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("again");
        }
    }

    @Test
    void reportedParameter_restoredByRollbackOrTheEndOfSetLocal_isReportedAgain() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            s.execute("set application_name = 'before'");
            s.execute("begin");
            s.execute("set application_name = 'inside'");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("inside");
            s.execute("rollback");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("before");

            String dateStyle = pg.getParameterStatus("DateStyle");   // pgJDBC starts with its own
            s.execute("begin");
            s.execute("set local DateStyle = 'ISO, DMY'");
            assertThat(pg.getParameterStatus("DateStyle")).isEqualTo("ISO, DMY");
            one(s, "select 1");   // statements that change nothing leave the reported value alone
            assertThat(pg.getParameterStatus("DateStyle")).isEqualTo("ISO, DMY");
            s.execute("commit");
            assertThat(pg.getParameterStatus("DateStyle")).isEqualTo(dateStyle);
            s.execute("reset application_name");
            assertThat(pg.getParameterStatus("application_name")).isEmpty();
        }
    }

    @Test
    void sessionAuthorizationAndRole_reportSessionAuthorizationAndIsSuperuser() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            assertThat(pg.getParameterStatus("is_superuser")).isEqualTo("on");
            assertThat(pg.getParameterStatus("session_authorization")).isEqualTo("postgres");
            assertThat(pg.getParameterStatus("in_hot_standby")).isEqualTo("off");
            s.execute("create role reported_plain login");
            s.execute("set session authorization reported_plain");
            assertThat(pg.getParameterStatus("session_authorization")).isEqualTo("reported_plain");
            assertThat(pg.getParameterStatus("is_superuser")).isEqualTo("off");
            s.execute("reset session authorization");
            assertThat(pg.getParameterStatus("is_superuser")).isEqualTo("on");
            s.execute("set role reported_plain");
            assertThat(pg.getParameterStatus("is_superuser")).isEqualTo("off");
            assertThat(pg.getParameterStatus("session_authorization")).isEqualTo("postgres");
            s.execute("reset role");
            s.execute("drop role reported_plain");
        }
    }

    @Test
    void setConfig_ofAReportedParameter_isReported() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            assertThat(one(s, "select set_config('application_name', 'via_function', false)")).isEqualTo("via_function");
            assertThat(pg.getParameterStatus("application_name")).isEqualTo("via_function");
            s.execute("set default_transaction_read_only = on");
            assertThat(pg.getParameterStatus("default_transaction_read_only")).isEqualTo("on");
            s.execute("reset default_transaction_read_only");
        }
    }

    @Test
    void batchInAutocommit_isOneImplicitTransaction() throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("create table batch_atomic (id integer primary key)");
            s.addBatch("insert into batch_atomic values (1)");
            s.addBatch("insert into batch_atomic values (2)");
            s.addBatch("insert into batch_atomic values (1)");
            assertThatThrownBy(s::executeBatch).isInstanceOf(BatchUpdateException.class);
            assertThat(one(s, "select count(*) from batch_atomic")).isEqualTo("0");

            s.addBatch("insert into batch_atomic values (1)");
            s.addBatch("insert into batch_atomic values (2)");
            assertThat(s.executeBatch()).containsExactly(1, 1);
            assertThat(one(s, "select count(*) from batch_atomic")).isEqualTo("2");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void autocommitOff_transactionSpansSyncsUntilCommit() throws SQLException {
        try (Connection writer = DriverManager.getConnection(server.jdbcUrl());
             Connection reader = DriverManager.getConnection(server.jdbcUrl());
             Statement w = writer.createStatement(); Statement r = reader.createStatement()) {
            w.execute("create table explicit_tx (id integer primary key)");
            writer.setAutoCommit(false);
            w.executeUpdate("insert into explicit_tx values (1)");
            w.executeUpdate("insert into explicit_tx values (2)");
            assertThat(one(r, "select count(*) from explicit_tx")).isEqualTo("0");
            writer.commit();
            assertThat(one(r, "select count(*) from explicit_tx")).isEqualTo("2");
        }
    }
}
