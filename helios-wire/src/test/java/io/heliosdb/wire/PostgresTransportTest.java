package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.heliosdb.spi.TransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Netty server and the real PostgreSQL JDBC driver, against {@link FakeSession}. */
class PostgresTransportTest {
    private final FakeHeliosDB db = new FakeHeliosDB();
    private Transport transport;

    @BeforeEach
    void start() {
        transport = new PostgresTransportProvider().start(db, ServerConfig.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        transport.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + transport.port()
                + "/postgres?user=postgres&connectTimeout=10&socketTimeout=60");
    }

    @Test
    void start_bindsLoopbackOnAnOsChosenPort() {
        assertThat(transport.name()).isEqualTo("postgres");
        assertThat(transport.port()).isPositive();
        assertThat(transport.address().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void provider_isDeclaredByModuleInfoAndServicesFile() throws Exception {
        Module module = PostgresTransportProvider.class.getModule();
        assertThat(module.getName()).isEqualTo("io.heliosdb.wire");
        assertThat(module.getDescriptor().provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(TransportProvider.class.getName());
            assertThat(p.providers()).containsExactly(PostgresTransportProvider.class.getName());
        });
        assertThat(module.getDescriptor().exports()).isEmpty();
        try (InputStream services = module.getResourceAsStream("META-INF/services/" + TransportProvider.class.getName())) {
            assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(PostgresTransportProvider.class.getName());
        }
    }

    @Test
    void jdbc_statementQuery_returnsRowsComputedOnAWorkerThread() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("?column?");
            assertThat(rs.next()).isFalse();
            assertThat(transport.openConnections()).isEqualTo(1);
        }
        // Just the query: a read opens no implicit transaction.
        assertThat(db.sessions.get(0).threads).hasSize(1).allSatisfy(t -> assertThat(t).startsWith("helios-pg-worker"));
    }

    @Test
    void jdbc_preparedStatement_switchesToNamedStatementAndBinary() throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("select ?")) {
            for (int i = 0; i < 8; i++) {
                ps.setInt(1, 100 + i);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(100 + i);
                }
            }
        }
        assertThat(db.sessions.get(0).executed).filteredOn(s -> !s.equals("begin") && !s.equals("commit"))
                .hasSize(8).last().isEqualTo("select $1 [107]");
    }

    @Test
    void jdbc_typedParameters_roundTripThroughTextAndBinaryForms() throws SQLException {
        Object[][] cases = {
            {new java.math.BigDecimal("-12345.6789"), java.sql.Types.NUMERIC},
            {Long.MIN_VALUE + 1, java.sql.Types.BIGINT},
            {2.5e-7, java.sql.Types.DOUBLE},
            {1.5f, java.sql.Types.REAL},
            {Boolean.TRUE, java.sql.Types.BOOLEAN},
            {"héllo wörld", java.sql.Types.VARCHAR},
        };
        try (Connection c = connect()) {
            for (Object[] tc : cases) {
                try (PreparedStatement ps = c.prepareStatement("select ?")) {
                    for (int i = 0; i < 7; i++) {   // past prepareThreshold: named statement, binary results
                        ps.setObject(1, tc[0], (Integer) tc[1]);
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getObject(1)).as("%s run %d", tc[0], i).isEqualTo(tc[0] instanceof Float f
                                    ? (Object) f : tc[0]);
                        }
                    }
                }
            }
        }
    }

    @Test
    void jdbc_largeResult_streamsPastTheWriteBufferLimit() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("series 200000")) {
            long sum = 0;
            int count = 0;
            while (rs.next()) {
                sum += rs.getInt(1);
                count++;
            }
            assertThat(count).isEqualTo(200_000);
            assertThat(sum).isEqualTo(200_000L * 200_001 / 2);
        }
    }

    @Test
    void jdbc_cancel_stopsAStreamingQueryWith57014() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            Thread canceller = new Thread(() -> {
                try {
                    if (db.sessions.get(0).streaming.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        s.cancel();   // a CancelRequest on a new connection, with this one's BackendKeyData
                    }
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            canceller.start();
            assertThatThrownBy(() -> s.executeQuery("endless")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            canceller.join(30_000);
            try (ResultSet rs = s.executeQuery("select 9")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(9);
            }
        }
    }

    @Test
    void jdbc_error_carriesSqlState_andConnectionStaysUsable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("fail")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22012"));
            assertThatThrownBy(() -> s.execute("bogus")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
            try (ResultSet rs = s.executeQuery("select 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void jdbc_rollback_sendsBeginAndRollback() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert x");
            c.rollback();
        }
        assertThat(db.sessions.get(0).executed).containsExactly("begin", "insert x", "rollback");
    }

    @Test
    void garbageOnRawSocket_closesThatConnectionOnly() throws Exception {
        try (Connection c = connect(); Socket raw = new Socket("127.0.0.1", transport.port())) {
            raw.setSoTimeout(10_000);
            OutputStream out = raw.getOutputStream();
            out.write("\u0000\u0000\u0000\u0010garbage garbage garbage".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = raw.getInputStream();
            byte[] answer = in.readAllBytes();   // ends when the server closes
            assertThat(answer).isNotEmpty();
            assertThat((char) answer[0]).isEqualTo('E');
            assertThat(new String(answer, StandardCharsets.UTF_8)).contains("08P01");

            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 5")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void close_releasesPortAndEveryThread() throws Exception {
        Connection c = connect();
        transport.close();

        assertThat(c.isValid(2)).isFalse();
        c.close();
        assertThat(transport.openConnections()).isZero();
        assertThat(db.sessions.get(0).closed).isTrue();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("helios-pg-")) {
                t.join(5_000);
                assertThat(t.isAlive()).as(t.getName()).isFalse();
            }
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", transport.port()).close()).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void twoConnections_areServedAtOnce() throws SQLException {
        try (Connection a = connect(); Connection b = connect();
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            sa.execute("begin");
            try (ResultSet rs = sb.executeQuery("select 2")) {
                assertThat(rs.next()).isTrue();
            }
            sa.execute("commit");
            assertThat(transport.openConnections()).isEqualTo(2);
            assertThat(List.copyOf(db.sessions)).hasSize(2);
        }
    }
}
