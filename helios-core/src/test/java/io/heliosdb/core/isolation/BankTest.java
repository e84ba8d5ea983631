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
 * N accounts, M sessions moving random amounts between random pairs (so they also deadlock and,
 * under REPEATABLE READ, conflict, and retry), while a reader sums all balances: every sum it sees
 * must be the starting total, no balance may go negative, and the final total is exact.
 */
class BankTest {
    private static final int ACCOUNTS = 8;
    private static final int START = 1_000;
    private static final int THREADS = 4;
    private static final int TRANSFERS_PER_THREAD = 150;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"read committed,memory", "read committed,rocksdb", "read committed,rocksdb+cache",
        "repeatable read,memory", "repeatable read,rocksdb", "repeatable read,rocksdb+cache"})
    void transfers_keepTheTotal(String isolation, String engine) throws Exception {
        try (KernelDatabase db = TestDatabases.open(engine, dir.resolve("bank"))) {
            try (Session s = db.session()) {
                s.execute("create table account (id int primary key, balance int)");
                for (int i = 0; i < ACCOUNTS; i++) {
                    s.execute("insert into account values ($1, $2)", i, START);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean transfersDone = new AtomicBoolean();
            ConcurrentLinkedQueue<Long> sums = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> pointSums = new ConcurrentLinkedQueue<>();
            List<Future<Integer>> workers = new ArrayList<>();
            try {
                for (int w = 0; w < THREADS; w++) {
                    long seed = w;
                    workers.add(pool.submit(() -> transfer(db, isolation, new Random(seed), start)));
                }
                Future<?> reader = pool.submit(() -> {
                    try (Session s = db.session()) {
                        start.await();
                        do {
                            sums.add(sum(s));
                        } while (!transfersDone.get());
                    }
                    return null;
                });
                // Point reads (through the row cache when there is one) inside one snapshot must add up too.
                Future<?> pointReader = pool.submit(() -> {
                    try (Session s = db.session()) {
                        s.execute("set default_transaction_isolation = 'repeatable read'");
                        start.await();
                        do {
                            pointSums.add(pointSum(s));
                        } while (!transfersDone.get());
                    }
                    return null;
                });
                start.countDown();
                int retries = 0;
                for (Future<Integer> f : workers) {
                    retries += f.get(60, TimeUnit.SECONDS);
                }
                transfersDone.set(true);
                reader.get(60, TimeUnit.SECONDS);
                pointReader.get(60, TimeUnit.SECONDS);
                assertThat(retries).isGreaterThanOrEqualTo(0);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
            assertThat(sums).isNotEmpty().allMatch(sum -> sum == (long) ACCOUNTS * START);
            assertThat(pointSums).isNotEmpty().allMatch(sum -> sum == (long) ACCOUNTS * START);
            try (Session s = db.session()) {
                assertThat(sum(s)).isEqualTo((long) ACCOUNTS * START);
                assertThat(((Number) s.execute("select count(*) from account where balance < 0").toList().get(0)
                        .get(0)).longValue()).isZero();
            }
            if (engine.equals(TestDatabases.CACHED)) {
                // The transfers' point updates went through the cache: it was used, not bypassed.
                assertThat(db.cache().layer().stats().hits()).isPositive();
            }
        }
    }

    private static long sum(Session s) {
        try (QueryResult r = s.execute("select sum(balance) from account")) {
            return ((Number) r.toList().get(0).get(0)).longValue();
        }
    }

    private static long pointSum(Session s) {
        s.execute("begin");
        long total = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            try (QueryResult r = s.execute("select balance from account where id = $1", i)) {
                total += ((Number) r.toList().get(0).get(0)).longValue();
            }
        }
        s.execute("commit");
        return total;
    }

    /** Runs the transfers; returns how many attempts were retried after 40001 or 40P01. */
    private static int transfer(KernelDatabase db, String isolation, Random random, CountDownLatch start)
            throws InterruptedException {
        int retries = 0;
        try (Session s = db.session()) {
            s.execute("set default_transaction_isolation = '" + isolation + "'");
            start.await();
            for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                int from = random.nextInt(ACCOUNTS);
                int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                int amount = 1 + random.nextInt(50);
                while (true) {
                    try {
                        s.execute("begin");
                        long taken = s.execute("update account set balance = balance - $1 where id = $2 "
                                + "and balance >= $1", amount, from).rowCount();
                        if (taken == 1) {
                            s.execute("update account set balance = balance + $1 where id = $2", amount, to);
                        }
                        s.execute("commit");
                        break;
                    } catch (HeliosException e) {
                        s.execute("rollback");
                        if (e.sqlState() != SqlState.SERIALIZATION_FAILURE && e.sqlState() != SqlState.DEADLOCK_DETECTED) {
                            throw e;
                        }
                        retries++;
                    }
                }
            }
        }
        return retries;
    }
}
