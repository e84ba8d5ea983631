package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pgJDBC flows that lean on the extended protocol's finer points: cursors across statements, failed blocks. */
class JdbcExtendedProtocolTest {
    private static KernelServer server;

    @BeforeAll
    static void start() throws SQLException {
        server = KernelServer.startOrSkip();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("create table nums (n int primary key)");
            StringBuilder values = new StringBuilder("insert into nums values (1)");
            for (int i = 2; i <= 50; i++) {
                values.append(", (").append(i).append(')');
            }
            s.execute(values.toString());
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

    @Test
    void fetchSize_cursorKeepsStreamingWhileOtherStatementsRun() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            List<Integer> seen = new ArrayList<>();
            try (Statement cursor = c.createStatement(); PreparedStatement other = c.prepareStatement("select ?::int + 1")) {
                cursor.setFetchSize(7);
                try (ResultSet rs = cursor.executeQuery("select n from nums order by n")) {
                    while (rs.next()) {
                        seen.add(rs.getInt(1));
                        // Between fetches pgJDBC sends Execute on the suspended portal after other statements.
                        other.setInt(1, rs.getInt(1));
                        try (ResultSet o = other.executeQuery()) {
                            assertThat(o.next()).isTrue();
                            assertThat(o.getInt(1)).isEqualTo(rs.getInt(1) + 1);
                        }
                    }
                }
            }
            c.commit();
            assertThat(seen).hasSize(50).startsWith(1, 2, 3).endsWith(49, 50);
        }
    }

    @Test
    void failedTransaction_rejectsEverythingWith25P02UntilRollback() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> s.execute("insert into nums values (1)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            assertThatThrownBy(() -> s.executeQuery("select 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
            try (PreparedStatement p = c.prepareStatement("select ?::int")) {
                p.setInt(1, 3);
                assertThatThrownBy(p::executeQuery)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P02"));
            }
            c.rollback();
            try (ResultSet rs = s.executeQuery("select count(*) from nums")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(50);
            }
            c.commit();
        }
    }
}
