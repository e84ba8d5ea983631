package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;

/** password, md5 and scram-sha-256 logins of the bootstrap user, with pgJDBC and psql, against the kernel. */
class AuthenticationTest {
    private static final String USER = "helios";
    private static final String PASSWORD = "s3cret-pässword";

    private static KernelServer server(String method) {
        return KernelServer.startOrSkip(c -> c.withAuth(method, USER, PASSWORD));
    }

    private static String selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 40 + 2")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "md5", "scram-sha-256"})
    void jdbc_rightPassword_connectsAndQueries(String method) throws Exception {
        try (KernelServer server = server(method);
             Connection c = DriverManager.getConnection(server.jdbcUrl("user=" + USER + "&password=" + PASSWORD))) {
            assertThat(selectOne(c)).isEqualTo("42");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "md5", "scram-sha-256"})
    void jdbc_wrongPasswordOrUnknownUser_failsWith28P01AndTheSameMessage(String method) {
        try (KernelServer server = server(method)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=" + USER + "&password=wrong")))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28P01");
                        assertThat(e.getServerErrorMessage().getMessage())
                                .isEqualTo("password authentication failed for user \"helios\"");
                    });
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=nobody&password=" + PASSWORD)))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("28P01");
                        assertThat(e.getServerErrorMessage().getMessage())
                                .isEqualTo("password authentication failed for user \"nobody\"");
                    });
            assertThat(server.transport.openConnections()).isLessThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "md5", "scram-sha-256"})
    void psql_pgpassword_connectsOnlyWithTheRightPassword(String method) throws Exception {
        Psql.assumeInstalled();
        try (KernelServer server = server(method)) {
            String conninfo = Psql.conninfo(server.transport.port(), USER);
            Psql.Outcome ok = Psql.run(conninfo, Map.of("PGPASSWORD", PASSWORD), "select 6 * 7");
            assertThat(ok.exitCode()).as(ok.output()).isZero();
            assertThat(ok.output().strip()).isEqualTo("42");

            Psql.Outcome wrong = Psql.run(conninfo, Map.of("PGPASSWORD", "wrong"), "select 1");
            assertThat(wrong.exitCode()).isNotZero();
            assertThat(wrong.output()).contains("password authentication failed for user \"helios\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "scram-sha-256"})
    void jdbc_noPasswordGiven_isRefused(String method) {
        try (KernelServer server = server(method)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=" + USER)))
                    .isInstanceOf(SQLException.class);
        }
    }
}
