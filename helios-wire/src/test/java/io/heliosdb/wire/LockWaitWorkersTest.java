package io.heliosdb.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * More sessions waiting on a row lock than the machine has cores: the lock holder's COMMIT still
 * runs (a bounded worker pool would be filled by the waiters, leaving the COMMIT queued behind them
 * until lock_timeout), and every waiter then proceeds on the committed row.
 */
class LockWaitWorkersTest {

    @Test
    void moreLockWaitersThanCores_holderStillCommits_andAllWaitersProceed() throws Exception {
        int waiters = Runtime.getRuntime().availableProcessors() + 2;
        try (KernelServer server = KernelServer.startOrSkip();
             Connection holder = DriverManager.getConnection(server.jdbcUrl());
             Connection monitor = DriverManager.getConnection(server.jdbcUrl())) {
            try (Statement s = holder.createStatement()) {
                s.execute("create table counter (id int primary key, n int)");
                s.execute("insert into counter values (1, 0)");
                s.execute("begin");
                s.execute("update counter set n = n + 1 where id = 1");
            }
            ExecutorService pool = Executors.newFixedThreadPool(waiters);
            List<Future<Integer>> updates = new ArrayList<>();
            try {
                for (int i = 0; i < waiters; i++) {
                    updates.add(pool.submit(() -> {
                        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                             Statement s = c.createStatement()) {
                            return s.executeUpdate("update counter set n = n + 1 where id = 1");
                        }
                    }));
                }
                awaitLockWaiters(monitor, waiters);
                try (Statement s = holder.createStatement()) {
                    s.execute("commit");
                }
                for (Future<Integer> f : updates) {
                    assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
            try (Statement s = monitor.createStatement(); ResultSet r = s.executeQuery("select n from counter")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(waiters + 1);
            }
        }
    }

    /** Polls pg_stat_activity (bounded) until {@code n} sessions wait on a lock: there is no event to wait on. */
    private static void awaitLockWaiters(Connection monitor, int n) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (PreparedStatement q = monitor.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= n) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("%d sessions waiting on the lock", n).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
