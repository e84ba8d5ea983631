package io.heliosdb.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.core.txn.LockTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch's fresh primary keys (above every stored key, so claimed without a storage read and with the lock
 * table's cheapest entry) are still locked as PostgreSQL locks them: a concurrent INSERT of one of them waits
 * for the batch's transaction and then fails (23505) if it committed, or succeeds if it rolled back; inserts
 * of other keys do not wait at all.
 */
class BatchInsertConflictTest {
    private static final String DDL = "create table t (id int primary key, grp int not null, note text)";
    private static final String INSERT = "insert into t values ($1, $2, $3)";

    @TempDir
    Path dir;

    private KernelDatabase open(String engine) {
        return (KernelDatabase) HeliosDB.open(engine.equals("memory") ? HeliosConfig.memory()
                : HeliosConfig.persistent(dir.resolve("db")));
    }

    private static List<Object[]> rows(int from, int to, int step) {
        List<Object[]> out = new ArrayList<>();
        for (int id = from; id <= to; id += step) {
            out.add(new Object[] {id, id % 7, "n" + id});
        }
        return out;
    }

    private static long count(Session s, String where) {
        return (Long) s.execute("select count(*) from t where " + where).toList().get(0).get(0);
    }

    /** Runs {@code work} on a thread of its own and returns once that thread waits for a row lock. */
    private static <T> CompletableFuture<T> blocked(LockTable locks, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "concurrent-insert");
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!locks.isBlocked(t)) {
            assertThat(result).as("the concurrent insert finished instead of waiting").isNotDone();
            assertThat(System.nanoTime()).as("the concurrent insert never waited").isLessThan(deadline);
            Thread.yield();
        }
        return result;
    }

    private static HeliosException failure(CompletableFuture<?> result) throws Exception {
        try {
            result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (HeliosException) e.getCause();
        }
        throw new AssertionError("the concurrent insert succeeded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void insertOfAKeyAnOpenBatchWrote_waitsThenFailsWhenTheBatchCommits(String engine) throws Exception {
        try (KernelDatabase db = open(engine); Session a = db.session(); Session b = db.session()) {
            a.execute(DDL);
            a.execute("begin");
            try (PreparedQuery batch = a.prepare(INSERT)) {
                batch.executeBatch(rows(1, 1000, 1));
            }
            CompletableFuture<Long> single = blocked(db.store().locks(),
                    () -> b.execute("insert into t values (500, 0, 'b')").rowCount());
            a.execute("commit");
            assertThat(failure(single).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(count(b, "true")).isEqualTo(1000);
            assertThat(b.execute("select note from t where id = 500").toList().get(0).get(0)).isEqualTo("n500");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void batchMeetingAKeyAnOpenBatchWrote_waitsThenSucceedsWhenThatBatchRollsBack(String engine) throws Exception {
        try (KernelDatabase db = open(engine); Session a = db.session(); Session b = db.session()) {
            a.execute(DDL);
            a.execute("begin");
            try (PreparedQuery batch = a.prepare(INSERT)) {
                batch.executeBatch(rows(1, 1000, 1));
            }
            try (PreparedQuery other = b.prepare(INSERT)) {
                List<Object[]> entries = new ArrayList<>(rows(2000, 2010, 1));
                entries.add(new Object[] {700, 1, "b"});
                CompletableFuture<long[]> counts = blocked(db.store().locks(), () -> other.executeBatch(entries));
                a.execute("rollback");
                assertThat(counts.get(60, TimeUnit.SECONDS)).hasSize(12).containsOnly(1L);
            }
            assertThat(count(b, "true")).isEqualTo(12);
            assertThat(count(b, "id = 700 and note = 'b'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void batchMeetingAKeyAnOpenBatchWrote_failsThatEntryWhenTheBatchCommits(String engine) throws Exception {
        try (KernelDatabase db = open(engine); Session a = db.session(); Session b = db.session()) {
            a.execute(DDL);
            a.execute("begin");
            try (PreparedQuery batch = a.prepare(INSERT)) {
                batch.executeBatch(rows(1, 1000, 1));
            }
            try (PreparedQuery other = b.prepare(INSERT)) {
                List<Object[]> entries = new ArrayList<>(rows(2000, 2010, 1));
                entries.add(new Object[] {700, 1, "b"});
                CompletableFuture<long[]> counts = blocked(db.store().locks(), () -> other.executeBatch(entries));
                a.execute("commit");
                HeliosException e = failure(counts);
                assertThat(e).isInstanceOf(HeliosBatchException.class);
                assertThat(((HeliosBatchException) e).entry()).isEqualTo(11);
                assertThat(e.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            }
            assertThat(count(b, "true")).as("the failed batch left nothing").isEqualTo(1000);
            assertThat(count(b, "note = 'b'")).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "rocksdb"})
    void batchesOfInterleavedFreshKeys_neitherWaitsAndBothCommit(String engine) {
        try (KernelDatabase db = open(engine); Session a = db.session(); Session b = db.session()) {
            a.execute(DDL);
            long waitsBefore = db.store().locks().waitStats().waits();
            a.execute("begin");
            b.execute("begin");
            try (PreparedQuery even = a.prepare(INSERT); PreparedQuery odd = b.prepare(INSERT)) {
                for (int round = 0; round < 5; round++) {
                    even.executeBatch(rows(round * 200 + 2, round * 200 + 200, 2));
                    odd.executeBatch(rows(round * 200 + 1, round * 200 + 199, 2));
                }
            }
            a.execute("commit");
            b.execute("commit");
            assertThat(db.store().locks().waitStats().waits()).isEqualTo(waitsBefore);
            assertThat(db.store().locks().lockedKeys()).isZero();
            assertThat(count(a, "true")).isEqualTo(1000);
            assertThat(count(a, "id % 2 = 0")).isEqualTo(500);
        }
    }
}
