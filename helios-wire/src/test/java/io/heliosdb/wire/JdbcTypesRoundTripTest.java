package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

/**
 * timestamptz, uuid, bytea, interval, jsonb and int[]/text[] through pgJDBC, written with setObject and read
 * back with getObject/getArray, once in text form and once with every statement prepared and binary transfer on.
 */
class JdbcTypesRoundTripTest {
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

    @ParameterizedTest
    @ValueSource(strings = {"", "prepareThreshold=-1&binaryTransfer=true"})
    void values_roundTrip(String options) throws SQLException {
        String url = server.jdbcUrl() + (options.isEmpty() ? "" : (server.jdbcUrl().contains("?") ? "&" : "?") + options);
        String table = options.isEmpty() ? "rt_text" : "rt_binary";
        OffsetDateTime ts = OffsetDateTime.of(2024, 3, 4, 5, 6, 7, 123_000, ZoneOffset.UTC);
        UUID id = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table " + table + " (k int primary key, ts timestamptz, u uuid, b bytea, i interval, "
                        + "j jsonb, xs int[], ts2 text[])");
            }
            try (PreparedStatement p = c.prepareStatement("insert into " + table + " values (1, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setObject(1, ts);
                p.setObject(2, id);
                p.setBytes(3, new byte[] {0, (byte) 0xff, 7});
                p.setObject(4, new PGInterval(1, 2, 3, 4, 5, 6.5));
                PGobject json = new PGobject();
                json.setType("jsonb");
                json.setValue("{\"b\": [1, 2], \"a\": null}");
                p.setObject(5, json);
                p.setArray(6, c.createArrayOf("int4", new Integer[] {1, null, 3}));
                p.setArray(7, c.createArrayOf("text", new String[] {"a b", "c", "NULL"}));
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement p = c.prepareStatement("select ts, u, b, i, j, xs, ts2, xs[3] from " + table + " where k = ?")) {
                p.setInt(1, 1);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(ts.toInstant());
                    assertThat(rs.getObject(2)).isEqualTo(id);
                    assertThat(rs.getBytes(3)).containsExactly(0, 0xff, 7);
                    assertThat(rs.getObject(4)).isEqualTo(new PGInterval(1, 2, 3, 4, 5, 6.5));
                    assertThat(rs.getString(5)).isEqualTo("{\"a\": null, \"b\": [1, 2]}");
                    Array xs = rs.getArray(6);
                    assertThat((Object[]) xs.getArray()).containsExactly(1, null, 3);
                    assertThat(rs.getMetaData().getColumnTypeName(6)).isEqualTo("_int4");
                    assertThat((Object[]) rs.getArray(7).getArray()).containsExactly("a b", "c", "NULL");
                    assertThat(rs.getInt(8)).isEqualTo(3);
                }
            }
        }
    }
}
