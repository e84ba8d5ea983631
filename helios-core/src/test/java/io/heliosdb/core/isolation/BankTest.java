package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.KernelDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
        "repeatable read,memory", "repeatable read,rocksdb", "repeatable read,rocksdb+cache",
        "read committed,rocksdb+compact", "repeatable read,rocksdb+compact",
        "serializable,memory", "serializable,rocksdb"})
    void transfers_keepTheTotal(String isolation, String engine) throws Exception {
        try (KernelDatabase db = TestDatabases.open(engine, dir.resolve("bank"))) {
            try (Session s = db.session()) {
                s.execute("create table account (id int primary key, balance int)");
                for (int i = 0; i < ACCOUNTS; i++) {
                    s.execute("insert into account values ($1, $2)", i, START);
                }
            }
            ConcurrentLinkedQueue<Long> sums = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> pointSums = new ConcurrentLinkedQueue<>();
            int retries = new BankWorkload(ACCOUNTS, THREADS, TRANSFERS_PER_THREAD).run(
                    () -> new SessionClient(db.session(), isolation),
                    List.of(() -> reader(db.session(), null, s -> sums.add(sum(s))),
                            // Point reads (through the row cache when there is one) inside one snapshot must add up too.
                            () -> reader(db.session(), "repeatable read", s -> pointSums.add(pointSum(s)))),
                    60);
            assertThat(retries).isGreaterThanOrEqualTo(0);
            assertThat(sums).isNotEmpty().allMatch(sum -> sum == (long) ACCOUNTS * START);
            assertThat(pointSums).isNotEmpty().allMatch(sum -> sum == (long) ACCOUNTS * START);
            try (Session s = db.session()) {
                assertThat(sum(s)).isEqualTo((long) ACCOUNTS * START);
                assertThat(((Number) s.execute("select count(*) from account where balance < 0").toList().get(0)
                        .get(0)).longValue()).isZero();
            }
            if (engine.equals(TestDatabases.CACHED) || engine.equals(TestDatabases.COMPACT_CACHED)) {
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

    /** A reader session; {@code isolation} its default isolation level when not null. */
    private static BankWorkload.Reader reader(Session s, String isolation, java.util.function.Consumer<Session> check) {
        if (isolation != null) {
            s.execute("set default_transaction_isolation = '" + isolation + "'");
        }
        return new BankWorkload.Reader() {
            @Override
            public void readOnce() {
                check.accept(s);
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    /** Transfers through an embedded session at the given isolation level. */
    private record SessionClient(Session s, String isolation) implements BankWorkload.Client {
        SessionClient {
            s.execute("set default_transaction_isolation = '" + isolation + "'");
        }

        @Override
        public void transfer(int from, int to, int amount) {
            s.execute("begin");
            long taken = s.execute("update account set balance = balance - $1 where id = $2 "
                    + "and balance >= $1", amount, from).rowCount();
            if (taken == 1) {
                s.execute("update account set balance = balance + $1 where id = $2", amount, to);
            }
            s.execute("commit");
        }

        @Override
        public void rollback() {
            s.execute("rollback");
        }

        @Override
        public boolean retryable(Exception e) {
            return e instanceof HeliosException h && (h.sqlState() == SqlState.SERIALIZATION_FAILURE
                    || h.sqlState() == SqlState.DEADLOCK_DETECTED);
        }

        @Override
        public void close() {
            s.close();
        }
    }
}
