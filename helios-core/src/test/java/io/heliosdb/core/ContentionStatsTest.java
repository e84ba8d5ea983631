package io.heliosdb.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.DeploymentMode;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * helios_stats' contention counters, through a READ COMMITTED update that waits for a concurrent one:
 * it must act on the newest version (the re-check) and the wait, the restart and the commits are counted.
 */
class ContentionStatsTest {

    private static Map<String, Double> stats(Session s) {
        Map<String, Double> out = new HashMap<>();
        try (QueryResult r = s.execute("select name, value from helios_stats")) {
            for (Row row : r.toList()) {
                try {
                    out.put((String) row.get(0), Double.parseDouble((String) row.get(1)));
                } catch (NumberFormatException text) {
                    // facts such as the mode
                }
            }
        }
        return out;
    }

    @Test
    void waitingUpdate_actsOnTheNewestVersionAndIsCounted() throws Exception {
        try (KernelDatabase db = KernelMonitoringTest.open(HeliosConfig.memory(), DeploymentMode.MEMORY_ONLY, false);
             Session s1 = db.session();
             Session s2 = db.session()) {
            s1.execute("create table branches (bid int primary key, bbalance int)").close();
            s1.execute("insert into branches values (1, 0)").close();
            Map<String, Double> before = stats(s1);

            s1.execute("begin").close();
            s1.execute("update branches set bbalance = bbalance + 1 where bid = 1").close();
            Thread[] waiter = new Thread[1];
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
                waiter[0] = Thread.currentThread();
                try (QueryResult r = s2.execute("update branches set bbalance = bbalance + 10 where bid = 1 returning bbalance")) {
                    return r.toList().get(0).getLong(0);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (waiter[0] == null || !db.store().locks().isBlocked(waiter[0])) {
                assertThat(second).as("the second update must wait for the first").isNotDone();
                assertThat(System.nanoTime()).as("the second update never waited").isLessThan(deadline);
                Thread.yield();
            }
            s1.execute("commit").close();

            // 11, not 10: it added to the newest version, the one committed while it waited.
            assertThat(second.get(60, TimeUnit.SECONDS)).isEqualTo(11L);
            Map<String, Double> after = stats(s1);
            assertThat(after.get("lock_waits_total") - before.get("lock_waits_total")).isEqualTo(1);
            assertThat(after.get("lock_wait_seconds_total")).isGreaterThan(before.get("lock_wait_seconds_total"));
            assertThat(after.get("statement_restarts_total") - before.get("statement_restarts_total")).isEqualTo(1);
            assertThat(after.get("commits_total") - before.get("commits_total")).isEqualTo(2);
            assertThat(after.get("commit_groups_total") - before.get("commit_groups_total")).isBetween(1.0, 2.0);
            assertThat(after.get("commit_syncs_total") - before.get("commit_syncs_total"))
                    .as("durable commits: one sync per group").isEqualTo(
                            after.get("commit_groups_total") - before.get("commit_groups_total"));
            assertThat(after.get("commit_seconds_total")).isGreaterThan(before.get("commit_seconds_total"));
            assertThat(after).containsKeys("lock_wake_seconds_total", "commit_write_seconds_total");
            assertThat(after.get("commit_sync_seconds_total")).as("each write synced itself").isZero();
        }
    }
}
