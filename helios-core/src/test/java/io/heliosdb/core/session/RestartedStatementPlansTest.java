package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A transaction's plans after a statement rolled back to its start: a READ COMMITTED statement restarted
 * after a lock wait changed no catalog, so it and the transaction's later statements keep their cached
 * plans (pgbench's tpcb-like restarts most transactions at 8 clients); undone DDL never lets a plan made
 * while it was there match again.
 */
class RestartedStatementPlansTest {

    private static final int ROUNDS = 3;

    /** One tpcb-like transaction as simple-protocol texts; returns the balance its SELECT read. */
    private static int transfer(KernelSession s, int id, int delta) {
        int read = 0;
        for (String sql : List.of("BEGIN ISOLATION LEVEL READ COMMITTED;",
                "UPDATE branches SET balance = balance + " + delta + " WHERE id = " + id + ";",
                "UPDATE tellers SET balance = balance + " + delta + " WHERE id = " + (id + 10) + ";",
                "SELECT balance FROM branches WHERE id = " + id + ";",
                "INSERT INTO history (id, delta) VALUES (" + id + ", " + delta + ");",
                "END;")) {
            Iterator<QueryResult> results = s.executeScript(sql);
            try (QueryResult r = results.next()) {
                if (sql.startsWith("SELECT")) {
                    read = ((Number) r.toList().get(0).get(0)).intValue();
                }
            }
        }
        return read;
    }

    @Test
    void restartAfterLockWait_plansNothingAgain() throws Exception {
        try (ParseCountingDatabase db = new ParseCountingDatabase(); KernelSession holder = db.session();
             KernelSession waiter = db.session()) {
            holder.execute("create table branches (id int primary key, balance int)").close();
            holder.execute("create table tellers (id int primary key, balance int)").close();
            holder.execute("create table history (id int, delta int)").close();
            holder.execute("insert into branches values (1, 0)").close();
            holder.execute("insert into tellers values (11, 0)").close();
            transfer(waiter, 1, 5); // plans its shapes once
            int plans = db.plans();
            long restarts = db.store().statementRestarts();
            int expected = 5;
            for (int round = 1; round <= ROUNDS; round++) {
                holder.execute("begin").close();
                holder.execute("update branches set balance = balance + 100 where id = 1").close();
                AtomicReference<Thread> blocked = new AtomicReference<>();
                CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                    blocked.set(Thread.currentThread());
                    return transfer(waiter, 1, 7);
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (blocked.get() == null || !db.store().locks().isBlocked(blocked.get())) {
                    assertThat(System.nanoTime()).as("the waiter blocks on the branch row").isLessThan(deadline);
                    assertThat(waiting).isNotDone();
                    Thread.onSpinWait();
                }
                holder.execute("commit").close();
                expected += 100 + 7;
                assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(expected); // it read the holder's commit
            }
            assertThat(db.store().statementRestarts() - restarts).isEqualTo(ROUNDS);
            transfer(waiter, 1, 1); // and the next transaction after the restarted ones
            // The holder planned its three texts once; the waiter's restarts, its later statements and its next
            // transaction all reused their plans.
            assertThat(db.plans() - plans).isEqualTo(3);
        }
    }

    @Test
    void rollbackToSavepoint_afterTwoTablesCreated_plansAgainWithoutThem() {
        try (ParseCountingDatabase db = new ParseCountingDatabase(); KernelSession s = db.session()) {
            s.execute("begin").close();
            s.execute("savepoint a").close();
            s.execute("create table t1 (x int)").close();
            s.execute("insert into t1 values (1)").close();
            assertThat(count(s)).isEqualTo(1);   // planned while t1 exists
            s.execute("create table t2 (y int)").close();
            s.execute("rollback to savepoint a").close();
            assertThatThrownBy(() -> count(s)).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_TABLE));
            s.execute("rollback").close();
        }
    }

    @Test
    void rollbackToSavepoint_withoutDdl_keepsThePlans() {
        try (ParseCountingDatabase db = new ParseCountingDatabase(); KernelSession s = db.session()) {
            s.execute("create table t1 (x int)").close();
            s.execute("begin").close();
            s.execute("savepoint a").close();
            s.execute("insert into t1 values (1)").close();
            assertThat(count(s)).isEqualTo(1);
            int plans = db.plans();
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                s.execute("rollback to savepoint a").close();
                counts.add(count(s));
            }
            assertThat(counts).containsExactly(0L, 0L, 0L);
            assertThat(db.plans() - plans).as("ROLLBACK TO planned once, the count not again").isEqualTo(1);
            s.execute("rollback").close();
        }
    }

    private static long count(KernelSession s) {
        try (QueryResult r = s.execute("select count(*) from t1")) {
            return ((Number) r.toList().get(0).get(0)).longValue();
        }
    }
}
