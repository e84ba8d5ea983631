package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
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
 * The bank, reached through a secondary index whose keys keep changing: accounts are found by owner
 * name (a UNIQUE index), transfers move money between owners and also swap owners between accounts,
 * so every commit rewrites index entries. Readers inside one snapshot look every owner up by name:
 * each name must find exactly one account and the balances must add up to the total. With the cache,
 * those lookups are served from cached index lists, so a stale list would lose or double an owner.
 * The index is either {@code (owner)}, a full-key lookup, or {@code (owner, region)} with a constant
 * region, where {@code owner = ?} is an equality prefix (unique all the same). Vacuum runs over and
 * over meanwhile: swaps delete and re-insert the same index entries, so it keeps removing deletion
 * markers that commits are about to replace (once, an entry re-inserted between vacuum's re-read and
 * its delete was lost).
 */
class IndexBankTest {
    private static final int ACCOUNTS = 6;
    private static final int START = 1_000;
    private static final int THREADS = 3;
    private static final int TRANSFERS_PER_THREAD = 100;
    /** How long one transfer may keep missing its accounts before the test calls the lookup stale. */
    private static final long RETRY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(30);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} on {1}, index ({2})")
    @CsvSource(delimiter = ';', value = {"read committed;memory;owner", "read committed;rocksdb;owner",
        "read committed;rocksdb+cache;owner", "repeatable read;memory;owner", "repeatable read;rocksdb;owner",
        "repeatable read;rocksdb+cache;owner", "read committed;memory;owner, region",
        "read committed;rocksdb+cache;owner, region", "repeatable read;rocksdb+cache;owner, region"})
    void transfersAndOwnerSwaps_keepEveryOwnerAndTheTotal(String isolation, String engine, String key)
            throws Exception {
        try (KernelDatabase db = TestDatabases.open(engine, dir.resolve("bank"))) {
            try (Session s = db.session()) {
                s.execute("create table account (id int primary key, owner text not null,"
                        + " region int not null default 0, balance int)");
                s.execute("create unique index account_owner on account (" + key + ")");
                for (int i = 0; i < ACCOUNTS; i++) {
                    s.execute("insert into account (id, owner, balance) values ($1, $2, $3)", i, owner(i), START);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
            List<Future<?>> workers = new ArrayList<>();
            try {
                for (int w = 0; w < THREADS; w++) {
                    long seed = w;
                    workers.add(pool.submit(() -> work(db, isolation, new Random(seed), start)));
                }
                Future<Integer> reader = pool.submit(() -> {
                    int snapshots = 0;
                    try (Session s = db.session()) {
                        s.execute("set default_transaction_isolation = 'repeatable read'");
                        start.await();
                        do {
                            String problem = checkByOwner(s);
                            if (problem != null) {
                                bad.add(problem);
                            }
                            snapshots++;
                        } while (!done.get());
                    }
                    return snapshots;
                });
                Future<?> vacuum = pool.submit(() -> {
                    start.await();
                    while (!done.get()) {
                        db.vacuum();
                        Thread.yield();
                    }
                    return null;
                });
                start.countDown();
                for (Future<?> f : workers) {
                    f.get(120, TimeUnit.SECONDS);
                }
                done.set(true);
                assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
                vacuum.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
            }
            assertThat(bad).isEmpty();
            try (Session s = db.session()) {
                assertThat(checkByOwner(s)).isNull();
            }
            if (engine.equals(TestDatabases.CACHED)) {
                assertThat(db.cache().layer().stats().hits()).isPositive();
            }
        }
    }

    private static String owner(int i) {
        return "owner-" + i;
    }

    /** Null when, in one snapshot, every owner finds exactly one account and the balances add up; else what was wrong. */
    private static String checkByOwner(Session s) {
        s.execute("begin");
        try {
            long total = 0;
            List<Object> ids = new ArrayList<>();
            for (int i = 0; i < ACCOUNTS; i++) {
                List<Row> rows;
                try (QueryResult r = s.execute("select id, balance from account where owner = $1", owner(i))) {
                    rows = r.toList();
                }
                if (rows.size() != 1) {
                    return owner(i) + " found " + rows.size() + " accounts";
                }
                ids.add(rows.get(0).get(0));
                total += ((Number) rows.get(0).get(1)).longValue();
            }
            if (ids.stream().distinct().count() != ACCOUNTS) {
                return "two owners found the same account: " + ids;
            }
            return total == (long) ACCOUNTS * START ? null : "total " + total;
        } finally {
            s.execute("commit");
        }
    }

    private static final class Retry extends RuntimeException {
        Retry() {
            super(null, null, false, false);
        }
    }

    private static void exactlyOne(Session s, String sql, Object... params) {
        if (s.execute(sql, params).rowCount() != 1) {
            throw new Retry();
        }
    }

    /** Transfers between owners (by name) and owner swaps between accounts, retried after 40001 / 40P01. */
    private static Void work(KernelDatabase db, String isolation, Random random, CountDownLatch start)
            throws InterruptedException {
        try (Session s = db.session()) {
            s.execute("set default_transaction_isolation = '" + isolation + "'");
            start.await();
            for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                int a = random.nextInt(ACCOUNTS);
                int b = (a + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                int amount = 1 + random.nextInt(50);
                boolean swap = random.nextInt(3) == 0;
                long deadline = System.nanoTime() + RETRY_WINDOW_NANOS;
                for (int attempt = 1; ; attempt++) {
                    if (System.nanoTime() - deadline > 0) {
                        // a stale index lookup makes every attempt miss its row: fail instead of spinning. A
                        // count of attempts is not the bound: a failing attempt takes microseconds, while the
                        // swap holding the name under a temporary one may be descheduled far longer on a
                        // loaded machine (500 attempts in a row once ran out that way).
                        throw new AssertionError("no attempt of transfer " + i + " found its accounts by owner in "
                                + attempt + " attempts over " + TimeUnit.NANOSECONDS.toSeconds(RETRY_WINDOW_NANOS)
                                + " s");
                    }
                    try {
                        s.execute("begin");
                        // Under READ COMMITTED a row found by owner may have changed owner by the time its
                        // lock is granted (the re-check then skips it): such an attempt is rolled back and retried.
                        if (swap) {
                            // a's account takes a temporary name, b's takes a's, a's takes b's
                            String temp = "temp-" + Thread.currentThread().getId();
                            exactlyOne(s, "update account set owner = $1 where owner = $2", temp, owner(a));
                            exactlyOne(s, "update account set owner = $1 where owner = $2", owner(a), owner(b));
                            exactlyOne(s, "update account set owner = $1 where owner = $2", owner(b), temp);
                        } else {
                            exactlyOne(s, "update account set balance = balance - $1 where owner = $2", amount,
                                    owner(a));
                            exactlyOne(s, "update account set balance = balance + $1 where owner = $2", amount,
                                    owner(b));
                        }
                        s.execute("commit");
                        break;
                    } catch (Retry e) {
                        s.execute("rollback");
                        Thread.yield(); // let the transaction that holds the name run
                    } catch (HeliosException e) {
                        s.execute("rollback");
                        // 23505: a concurrent swap committed the name this one wanted (READ COMMITTED)
                        if (e.sqlState() != SqlState.SERIALIZATION_FAILURE && e.sqlState() != SqlState.DEADLOCK_DETECTED
                                && e.sqlState() != SqlState.UNIQUE_VIOLATION) {
                            throw e;
                        }
                    }
                }
            }
        }
        return null;
    }
}
