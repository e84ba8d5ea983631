package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL JDBC driver against the real kernel served in memory. */
class PostgresEndToEndTest {
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

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    @Test
    void createInsertSelectUpdateDelete() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table crud (id integer primary key, name text, score double precision)");
            assertThat(s.executeUpdate("insert into crud values (1, 'a', 1.5), (2, 'b', 2.5), (3, 'c', null)"))
                    .isEqualTo(3);
            assertThat(rows(s, "select id, name, score from crud order by id"))
                    .containsExactly("1|a|1.5", "2|b|2.5", "3|c|null");
            assertThat(s.executeUpdate("update crud set name = 'bb' where id = 2")).isEqualTo(1);
            assertThat(s.executeUpdate("delete from crud where id = 1")).isEqualTo(1);
            assertThat(rows(s, "select id, name from crud order by id")).containsExactly("2|bb", "3|c");
            try (ResultSet rs = s.executeQuery("select name from crud where id = 2")) {
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("name");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("bb");
            }
        }
    }

    @Test
    void preparedStatement_runManyTimes_usesNamedServerStatement() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table prep (id integer primary key, name varchar(20), big bigint)");
            try (PreparedStatement insert = c.prepareStatement("insert into prep values (?, ?, ?)")) {
                for (int i = 1; i <= 10; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "n" + i);
                    insert.setLong(3, 10_000_000_000L * i);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement("select name, big from prep where id = ?")) {
                for (int i = 1; i <= 8; i++) {
                    select.setInt(1, i);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo("n" + i);
                        assertThat(rs.getLong(2)).isEqualTo(10_000_000_000L * i);
                        assertThat(rs.next()).isFalse();
                    }
                }
            }
            assertThat(rows(s, "select count(*) from prep")).containsExactly("10");
        }
    }

    @Test
    void preparedStatement_typedValues_roundTripInTextAndBinary() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table typed (id integer primary key, b boolean, sm smallint, r real, "
                    + "n numeric(10,2), d date, ts timestamp)");
            s.execute("insert into typed values (1, true, 7, 1.25, 12345.67, '2024-02-29', '2024-02-29 13:14:15.5')");
            try (PreparedStatement ps = c.prepareStatement("select b, sm, r, n, d, ts from typed where id = ?")) {
                // The first runs are unnamed and text; later ones use a named statement and binary results.
                for (int i = 0; i < 7; i++) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getBoolean(1)).isTrue();
                        assertThat(rs.getShort(2)).isEqualTo((short) 7);
                        assertThat(rs.getFloat(3)).isEqualTo(1.25f);
                        assertThat(rs.getBigDecimal(4)).isEqualTo(new BigDecimal("12345.67"));
                        assertThat(rs.getDate(5)).isEqualTo(Date.valueOf("2024-02-29"));
                        assertThat(rs.getTimestamp(6)).isEqualTo(Timestamp.valueOf("2024-02-29 13:14:15.5"));
                    }
                }
            }
        }
    }

    @Test
    void errors_carryTheirSqlState() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("select * from no_such_table"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42P01"));
            assertThatThrownBy(() -> s.execute("selec 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
            s.execute("create table uniq (id integer primary key)");
            s.execute("insert into uniq values (1)");
            assertThatThrownBy(() -> s.execute("insert into uniq values (1)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
            assertThat(rows(s, "select count(*) from uniq")).containsExactly("1");
        }
    }

    @Test
    void transaction_rolledBack_leavesNoTrace() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table tx (id integer primary key)");
            c.setAutoCommit(false);
            s.execute("insert into tx values (1)");
            assertThat(rows(s, "select count(*) from tx")).containsExactly("1");
            c.rollback();
            assertThat(rows(s, "select count(*) from tx")).containsExactly("0");
            s.execute("insert into tx values (2)");
            c.commit();
            c.setAutoCommit(true);
            assertThat(rows(s, "select id from tx")).containsExactly("2");
        }
    }

    @Test
    void twoConnections_workAtTheSameTime() throws Exception {
        try (Connection setup = connect(); Statement s = setup.createStatement()) {
            s.execute("create table pair (id integer primary key, who text)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch bothConnected = new CountDownLatch(2);
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int base = t * 100;
                done.add(pool.submit(() -> {
                    try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("insert into pair values (?, ?)")) {
                        bothConnected.countDown();
                        assertThat(bothConnected.await(10, TimeUnit.SECONDS)).isTrue();
                        for (int i = 0; i < 20; i++) {
                            ps.setInt(1, base + i);
                            ps.setString(2, "t" + base);
                            ps.executeUpdate();
                        }
                        return 20;
                    }
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(20);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(rows(s, "select count(*) from pair")).containsExactly("40");
        }
    }

    @Test
    void garbageOnRawSocket_doesNotDisturbAConcurrentConnection() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             Socket raw = new Socket("127.0.0.1", server.transport.port())) {
            raw.setSoTimeout(10_000);
            OutputStream out = raw.getOutputStream();
            out.write(new byte[] {0, 0, 0, 8, 1, 2, 3, 4, (byte) 0xff, (byte) 0xfe, 0x7f, 0});
            out.flush();
            InputStream in = raw.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("E").contains("08P01");

            assertThat(rows(s, "select 40 + 2")).containsExactly("42");
        }
    }
}
