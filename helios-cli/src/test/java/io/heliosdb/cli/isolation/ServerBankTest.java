package io.heliosdb.cli.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.DeploymentMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean transfersDone = new AtomicBoolean();
            ConcurrentLinkedQueue<Long> sums = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> pointSums = new ConcurrentLinkedQueue<>();
            List<Future<Integer>> workers = new ArrayList<>();
            int retries = 0;
            try {
                for (int w = 0; w < THREADS; w++) {
                    long seed = w;
                    workers.add(pool.submit(() -> transfer(server, isolation, new Random(seed), start)));
                }
                Future<?> reader = pool.submit(() -> {
                    try (Connection c = server.connect()) {
                        start.await();
                        do {
                            sums.add(sum(c));
                        } while (!transfersDone.get());
                    }
                    return null;
                });
                Future<?> pointReader = pool.submit(() -> {
                    try (Connection c = server.connect()) {
                        c.setAutoCommit(false);
                        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                        start.await();
                        do {
                            pointSums.add(pointSum(c));
                        } while (!transfersDone.get());
                    }
                    return null;
                });
                start.countDown();
                for (Future<Integer> f : workers) {
                    retries += f.get(120, TimeUnit.SECONDS);
                }
                transfersDone.set(true);
                reader.get(60, TimeUnit.SECONDS);
                pointReader.get(60, TimeUnit.SECONDS);
            } finally {
                transfersDone.set(true);
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
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

    /** Runs the transfers; returns how many attempts were retried after 40001 or 40P01. */
    private static int transfer(ServedDatabase server, String isolation, Random random, CountDownLatch start)
            throws Exception {
        int retries = 0;
        try (Connection c = server.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(isolation.equals("repeatable read") ? Connection.TRANSACTION_REPEATABLE_READ
                    : Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement take = c.prepareStatement(
                         "update account set balance = balance - ? where id = ? and balance >= ?");
                 PreparedStatement give = c.prepareStatement("update account set balance = balance + ? where id = ?")) {
                start.await();
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                    int from = random.nextInt(ACCOUNTS);
                    int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    int amount = 1 + random.nextInt(50);
                    while (true) {
                        try {
                            take.setInt(1, amount);
                            take.setInt(2, from);
                            take.setInt(3, amount);
                            if (take.executeUpdate() == 1) {
                                give.setInt(1, amount);
                                give.setInt(2, to);
                                give.executeUpdate();
                            }
                            c.commit();
                            break;
                        } catch (SQLException e) {
                            c.rollback();
                            if (!"40001".equals(e.getSQLState()) && !"40P01".equals(e.getSQLState())) {
                                throw e;
                            }
                            retries++;
                        }
                    }
                }
            }
        }
        return retries;
    }
}
