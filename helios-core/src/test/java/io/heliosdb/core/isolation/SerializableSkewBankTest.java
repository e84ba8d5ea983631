package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.KernelDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Write skew under load: each customer has two accounts whose SUM must stay >= 0, and a withdrawal checks
 * the sum and then takes the money from ONE account (so two concurrent withdrawals from the two accounts
 * write different rows: snapshot isolation lets both commit and the sum goes negative). Under SERIALIZABLE
 * the invariant holds for every reader and at the end, the final balances are exactly what the committed
 * operations say, and retrying on 40001 makes progress.
 */
class SerializableSkewBankTest {
    private static final int CUSTOMERS = 2;
    private static final int START = 100;
    private static final int THREADS = 4;
    private static final int OPERATIONS_PER_THREAD = 120;
    private static final int MAX_TRIES = 1_000;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"memory", "rocksdb"})
    void withdrawalsCheckingTheSum_neverDriveItNegative(String engine) throws Exception {
        try (KernelDatabase db = TestDatabases.open(engine, dir.resolve("bank"))) {
            try (Session s = db.session()) {
                s.execute("create table acct (customer int, kind int, balance int not null, "
                        + "primary key (customer, kind))").close();
                for (int c = 0; c < CUSTOMERS; c++) {
                    s.execute("insert into acct values ($1, 0, $2), ($1, 1, $2)", c, START).close();
                }
            }
            AtomicLong committedDelta = new AtomicLong();
            AtomicLong withdrawals = new AtomicLong();
            AtomicLong retries = new AtomicLong();
            AtomicBoolean done = new AtomicBoolean();
            List<Long> negativeSeen = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int w = 0; w < THREADS; w++) {
                    long seed = 1_000 + w;
                    workers.add(pool.submit(() -> {
                        try (Session s = db.session()) {
                            SplittableRandom random = new SplittableRandom(seed);
                            for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
                                int customer = random.nextInt(CUSTOMERS);
                                int kind = random.nextInt(2);
                                boolean deposit = random.nextInt(4) == 0;
                                int amount = deposit ? 40 + random.nextInt(80) : 30 + random.nextInt(120);
                                long delta = runWithRetries(s, retries, () -> deposit ? deposit(s, customer, kind, amount)
                                        : withdraw(s, customer, kind, amount));
                                committedDelta.addAndGet(delta);
                                if (delta < 0) {
                                    withdrawals.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                Future<?> checker = pool.submit(() -> {
                    try (Session s = db.session()) {
                        while (!done.get()) {
                            s.execute("begin isolation level serializable read only").close();
                            try (QueryResult r = s.execute("select customer, sum(balance) from acct group by customer")) {
                                r.toList().forEach(row -> {
                                    long sum = ((Number) row.get(1)).longValue();
                                    if (sum < 0) {
                                        negativeSeen.add(sum);
                                    }
                                });
                            } catch (HeliosException e) {
                                if (e.sqlState() != SqlState.SERIALIZATION_FAILURE) {
                                    throw e;
                                }
                            }
                            s.execute("rollback").close();
                        }
                    }
                    return null;
                });
                for (Future<?> f : workers) {
                    f.get(120, TimeUnit.SECONDS);
                }
                done.set(true);
                checker.get(60, TimeUnit.SECONDS);
            } finally {
                done.set(true);
                pool.shutdownNow();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(negativeSeen).isEmpty();
            assertThat(withdrawals.get()).isPositive();
            try (Session s = db.session(); QueryResult r = s.execute(
                    "select customer, sum(balance) from acct group by customer order by customer")) {
                long total = 0;
                for (var row : r.toList()) {
                    long sum = ((Number) row.get(1)).longValue();
                    assertThat(sum).as("customer %s", row.get(0)).isGreaterThanOrEqualTo(0);
                    total += sum;
                }
                assertThat(total).isEqualTo((long) CUSTOMERS * 2 * START + committedDelta.get());
            }
        }
    }

    private interface Attempt {
        long run();
    }

    /** Runs the attempt until it commits (its balance change), rolling back and retrying on 40001. */
    private static long runWithRetries(Session s, AtomicLong retries, Attempt attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (HeliosException e) {
                if (e.sqlState() != SqlState.SERIALIZATION_FAILURE || tries >= MAX_TRIES) {
                    throw e;
                }
                retries.incrementAndGet();
                s.execute("rollback").close();
            }
        }
    }

    private static long withdraw(Session s, int customer, int kind, int amount) {
        s.execute("begin isolation level serializable").close();
        long sum;
        try (QueryResult r = s.execute("select sum(balance) from acct where customer = $1", customer)) {
            sum = ((Number) r.toList().get(0).get(0)).longValue();
        }
        if (sum < amount) {
            s.execute("commit").close();
            return 0;
        }
        s.execute("update acct set balance = balance - $1 where customer = $2 and kind = $3", amount, customer, kind)
                .close();
        s.execute("commit").close();
        return -amount;
    }

    private static long deposit(Session s, int customer, int kind, int amount) {
        s.execute("begin isolation level serializable").close();
        s.execute("update acct set balance = balance + $1 where customer = $2 and kind = $3", amount, customer, kind)
                .close();
        s.execute("commit").close();
        return amount;
    }
}
