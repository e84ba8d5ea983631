package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/** TLS on SSLRequest, with pgJDBC and psql, alone and with SCRAM (channel binding over TLS). */
class TlsTest {
    private static final String NON_VALIDATING = "ssl=true&sslmode=require"
            + "&sslfactory=org.postgresql.ssl.NonValidatingFactory";

    @TempDir
    Path dir;

    private static String one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void jdbc_sslRequire_runsOverTls() throws Exception {
        TestCertificate cert = TestCertificate.create(dir);
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withTls(cert.cert(), cert.key()));
             Connection c = DriverManager.getConnection(server.jdbcUrl("user=postgres&" + NON_VALIDATING))) {
            assertThat(one(c, "select 1 + 1")).isEqualTo("2");
            assertThat(c.unwrap(PGConnection.class)).isNotNull();
        }
    }

    @Test
    void jdbc_scramOverTls_usesChannelBindingWhenRequired() throws Exception {
        TestCertificate cert = TestCertificate.create(dir);
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withTls(cert.cert(), cert.key())
                .withAuth("scram-sha-256", "alice", "pw"))) {
            try (Connection c = DriverManager.getConnection(server.jdbcUrl("user=alice&password=pw&" + NON_VALIDATING
                    + "&channelBinding=require"))) {
                assertThat(one(c, "select 3")).isEqualTo("3");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=alice&password=bad&"
                    + NON_VALIDATING))).hasMessageContaining("password authentication failed for user \"alice\"");
        }
    }

    @Test
    void jdbc_channelBindingRequiredWithoutTls_isRefusedByTheClient() {
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withAuth("scram-sha-256", "alice", "pw"))) {
            // Without TLS the server offers only SCRAM-SHA-256, so a client insisting on binding gives up.
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("user=alice&password=pw"
                    + "&channelBinding=require"))).isInstanceOf(java.sql.SQLException.class);
        }
    }

    @Test
    void psql_sslmodeRequire_reportsTheTlsConnection() throws Exception {
        Psql.assumeInstalled();
        TestCertificate cert = TestCertificate.create(dir);
        try (KernelServer server = KernelServer.startOrSkip(c -> c.withTls(cert.cert(), cert.key())
                .withAuth("scram-sha-256", "alice", "pw"))) {
            String conninfo = Psql.conninfo(server.transport.port(), "alice") + " sslmode=require";
            Psql.Outcome plus = Psql.run(conninfo + " channel_binding=require", Map.of("PGPASSWORD", "pw"),
                    "select 'over tls'");
            assertThat(plus.exitCode()).as(plus.output()).isZero();
            assertThat(plus.output().strip()).isEqualTo("over tls");
            Psql.Outcome info = Psql.run(conninfo, Map.of("PGPASSWORD", "pw"), "\\conninfo");
            assertThat(info.output()).contains("SSL connection");
        }
    }

    @Test
    void psql_tlsDisabled_sslmodeRequireFails() throws Exception {
        Psql.assumeInstalled();
        try (KernelServer server = KernelServer.startOrSkip()) {
            Psql.Outcome outcome = Psql.run(Psql.conninfo(server.transport.port(), "postgres") + " sslmode=require",
                    Map.of(), "select 1");
            assertThat(outcome.exitCode()).isNotZero();
            assertThat(outcome.output()).containsIgnoringCase("server does not support SSL");
        }
    }

    @Test
    void start_missingCertificate_isAClearStartupError() {
        Path missing = dir.resolve("nope.crt");
        ServerConfig config = ServerConfig.defaults().withPort(0).withTls(missing, dir.resolve("nope.key"));
        assertThatThrownBy(() -> new PostgresTransportProvider().start(new FakeHeliosDB(), config))
                .isInstanceOf(HeliosException.class)
                .hasMessageContaining("tls_cert_path")
                .hasMessageContaining(missing.toString());
    }

    @Test
    void start_certificateThatIsNotPem_isAClearStartupError() throws Exception {
        Path cert = Files.writeString(dir.resolve("bad.crt"), "not a certificate");
        Path key = Files.writeString(dir.resolve("bad.key"), "not a key");
        ServerConfig config = ServerConfig.defaults().withPort(0).withTls(cert, key);
        assertThatThrownBy(() -> new PostgresTransportProvider().start(new FakeHeliosDB(), config))
                .isInstanceOf(HeliosException.class)
                .hasMessageContaining(cert.toString());
    }
}
