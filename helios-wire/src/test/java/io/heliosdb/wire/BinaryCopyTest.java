package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;

/**
 * COPY ... (FORMAT binary) through pgJDBC's CopyManager, checked byte for byte against what PostgreSQL 15
 * wrote for the same table: {@code copy/pg15-binary.bin} was captured once with
 * {@code psql -c "\copy (SELECT * FROM bt ORDER BY i) TO 'pg15-binary.bin' (FORMAT binary)"} after
 * {@link #TABLE} and {@link #ROWS} ran on a PostgreSQL 15 server (TimeZone UTC; the bytea column was named
 * "by" then, which this grammar does not take yet, and the file holds no column names).
 */
class BinaryCopyTest {
    static final String TABLE = "CREATE TABLE bt (i int PRIMARY KEY, b bigint, s smallint, t text, n numeric,"
            + " f float8, r real, bo boolean, d date, ts timestamp, tz timestamptz, u uuid, bb bytea, v varchar(5))";
    static final String ROWS = "INSERT INTO bt VALUES"
            + " (1, 9000000000, -7, 'héllo', 12.50, 1.5, -2.25, true, '2024-02-29', '2024-02-29 13:14:15.123456',"
            + " '2024-02-29 13:14:15+00', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff10', 'abc'),"
            + " (2, -1, 0, '', -0.001, -0.0, 3.5, false, '1999-12-31', '1970-01-01 00:00:00',"
            + " '2000-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000', '\\x', ''),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)";

    private static byte[] pg15Bytes() throws IOException {
        try (InputStream in = BinaryCopyTest.class.getResourceAsStream("/copy/pg15-binary.bin")) {
            assertThat(in).as("copy/pg15-binary.bin").isNotNull();
            return in.readAllBytes();
        }
    }

    private static List<String> rows(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY i")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    line.append(rs.getString(i)).append('|');
                }
                out.add(line.toString());
            }
        }
        return out;
    }

    @Test
    void copyOutBinary_bytesAsPostgreSql15_andCopyInReadsThemBack() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip();
             Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            c.createStatement().execute("SET TimeZone = 'UTC'");
            c.createStatement().execute(TABLE);
            c.createStatement().execute(ROWS);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(copy.copyOut("COPY (SELECT * FROM bt ORDER BY i) TO STDOUT (FORMAT binary)", out)).isEqualTo(3);
            assertThat(out.toByteArray()).isEqualTo(pg15Bytes());

            c.createStatement().execute(TABLE.replace(" bt ", " bt2 "));
            assertThat(copy.copyIn("COPY bt2 FROM STDIN (FORMAT binary)", new ByteArrayInputStream(pg15Bytes())))
                    .isEqualTo(3);
            assertThat(rows(c, "bt2")).isEqualTo(rows(c, "bt")).hasSize(3);
        }
    }

    @Test
    void copyInBinary_damagedFiles_refusedWithPostgreSqlErrors() throws Exception {
        try (KernelServer server = KernelServer.startOrSkip();
             Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            c.createStatement().execute(TABLE);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            byte[] file = pg15Bytes();
            assertThatThrownBy(() -> copy.copyIn("COPY bt FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(Arrays.copyOf(file, file.length - 20))))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P04");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("unexpected EOF in COPY data");
                    });
            assertThatThrownBy(() -> copy.copyIn("COPY bt (i, b) FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(file)))
                    .isInstanceOfSatisfying(PSQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("22P04");
                        assertThat(e.getServerErrorMessage().getMessage()).isEqualTo("row field count is 14, expected 2");
                        assertThat(e.getServerErrorMessage().getWhere()).isEqualTo("COPY bt, line 1");
                    });
            byte[] badInt = Arrays.copyOf(file, file.length);
            // The first field of the first row: its length (4) becomes 5, one byte too many for an int4.
            badInt[BinaryCopyWriter.HEADER.length + 5] = 5;
            assertThatThrownBy(() -> copy.copyIn("COPY bt FROM STDIN (FORMAT binary)", new ByteArrayInputStream(badInt)))
                    .isInstanceOfSatisfying(PSQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("22P03"));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM bt")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
