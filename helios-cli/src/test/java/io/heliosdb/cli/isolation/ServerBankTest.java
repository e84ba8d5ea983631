package io.heliosdb.cli.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.core.isolation.BankWorkload;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * helios-core's bank test through the server: N accounts, M pgJDBC sessions moving random amounts
 * between random pairs (retrying on 40001 and 40P01), while one session sums all balances per
 * statement and another sums point reads inside one REPEATABLE READ snapshot. Every sum seen is
 * the starting total, no balance goes below zero (a CHECK forbids it, and the transfers never try),
 * and the final total is exact; in Server and in Hybrid mode.
 */
class ServerBankTest {
    private static final int ACCOUNTS = 8;
    private static final int START = 1_000;
    private static final int THREADS = 4;
    private static final int TRANSFERS_PER_THREAD = 60;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} in {1} mode")
    @CsvSource({"read committed,SERVER", "read committed,HYBRID", "repeatable read,SERVER", "repeatable read,HYBRID"})
    void transfers_throughPgJdbc_keepTheTotal(String isolation, DeploymentMode mode) throws Exception {
        try (ServedDatabase server = ServedDatabase.start(mode, dir.resolve("bank"))) {
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                s.execute("create table account (id int primary key, balance int check (balance >= 0))");
                for (int i = 0; i < ACCOUNTS; i++) {
                    s.execute("insert into account values (" + i + ", " + START + ")");
                }
            }
            ConcurrentLinkedQueue<Long> sums = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> pointSums = new ConcurrentLinkedQueue<>();
            int retries = new BankWorkload(ACCOUNTS, THREADS, TRANSFERS_PER_THREAD).run(
                    () -> new JdbcClient(server.connect(), isolation),
                    List.of(() -> reader(server.connect(), false, c -> sums.add(sum(c))),
                            () -> reader(server.connect(), true, c -> pointSums.add(pointSum(c)))),
                    120);
            assertThat(sums).isNotEmpty().allMatch(sum -> sum == (long) ACCOUNTS * START);
            assertThat(pointSums).isNotEmpty().allMatch(sum -> sum == (long) ACCOUNTS * START);
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                assertThat(sum(c)).isEqualTo((long) ACCOUNTS * START);
                try (ResultSet r = s.executeQuery("select count(*) from account where balance < 0")) {
                    r.next();
                    assertThat(r.getLong(1)).isZero();
                }
            }
            assertThat(retries).isGreaterThanOrEqualTo(0);
            if (mode == DeploymentMode.HYBRID) {
                // The transfers' point updates and reads went through the row cache: it was used, not bypassed.
                assertThat(server.cacheHits()).isPositive();
            }
        }
    }

    private static long sum(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select sum(balance) from account")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Point reads of every account inside one REPEATABLE READ transaction (autocommit off). */
    private static long pointSum(Connection c) throws SQLException {
        long total = 0;
        try (PreparedStatement read = c.prepareStatement("select balance from account where id = ?")) {
            for (int i = 0; i < ACCOUNTS; i++) {
                read.setInt(1, i);
                try (ResultSet r = read.executeQuery()) {
                    r.next();
                    total += r.getLong(1);
                }
            }
        }
        c.commit();
        return total;
    }

    @FunctionalInterface
    private interface Check {
        void run(Connection c) throws SQLException;
    }

    /** A reader connection; {@code snapshot}: autocommit off at REPEATABLE READ, one snapshot per check. */
    private static BankWorkload.Reader reader(Connection c, boolean snapshot, Check check) throws SQLException {
        if (snapshot) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        }
        return new BankWorkload.Reader() {
            @Override
            public void readOnce() throws SQLException {
                check.run(c);
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        };
    }

    /** Transfers through one pgJDBC connection (autocommit off) at the given isolation level. */
    private static final class JdbcClient implements BankWorkload.Client {
        private final Connection c;
        private final PreparedStatement take;
        private final PreparedStatement give;

        JdbcClient(Connection c, String isolation) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation.equals("repeatable read") ? Connection.TRANSACTION_REPEATABLE_READ
                    : Connection.TRANSACTION_READ_COMMITTED);
            take = c.prepareStatement("update account set balance = balance - ? where id = ? and balance >= ?");
            give = c.prepareStatement("update account set balance = balance + ? where id = ?");
        }

        @Override
        public void transfer(int from, int to, int amount) throws SQLException {
            take.setInt(1, amount);
            take.setInt(2, from);
            take.setInt(3, amount);
            if (take.executeUpdate() == 1) {
                give.setInt(1, amount);
                give.setInt(2, to);
                give.executeUpdate();
            }
            c.commit();
        }

        @Override
        public void rollback() throws SQLException {
            c.rollback();
        }

        @Override
        public boolean retryable(Exception e) {
            return e instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()));
        }

        @Override
        public void close() throws SQLException {
            c.close(); // closes its statements too
        }
    }
}
