package io.heliosdb.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.KernelDatabase;
import io.heliosdb.core.txn.SyncGateEngine;
import io.heliosdb.core.txn.TransactionalStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early lock release through sessions on RocksDB, with the storage sync held open by a gate: a writer
 * waiting for a row lock runs while the lock holder's commit is written but not synced, yet nobody is told of
 * either commit, and no reader sees either, until the sync; a failed sync fails both and stops all commits.
 */
class EarlyLockReleaseTest {
    @TempDir
    Path dir;
    private SyncGateEngine gate;
    private KernelDatabase db;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        db = openWithEarlyRelease("true");
        try (Session s = db.session()) {
            s.execute("create table acct (id int primary key, bal int)");
            s.execute("insert into acct values (1, 0), (2, 0)");
        }
        gate.clearCounts();
    }

    private KernelDatabase openWithEarlyRelease(String setting) {
        // Read once, when the store opens.
        System.setProperty(TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY, setting);
        try {
            KernelDatabase opened = TestDatabases.open("rocksdb", dir.resolve("db"), e -> gate = new SyncGateEngine(e));
            assertThat(opened.store().committer().earlyLockRelease()).isTrue();
            return opened;
        } finally {
            System.clearProperty(TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY);
        }
    }

    @AfterEach
    void close() throws InterruptedException {
        gate.release();
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        db.close();
    }

    private static long balance(Session s) {
        return ((Number) s.execute("select bal from acct where id = 1").toList().get(0).get(0)).longValue();
    }

    /** Runs on the pool; {@code thread} receives the thread it runs on. */
    private <T> Future<T> async(AtomicReference<Thread> thread, Callable<T> work) {
        return pool.submit(() -> {
            thread.set(Thread.currentThread());
            return work.call();
        });
    }

    private <T> Future<T> async(Callable<T> work) {
        return async(new AtomicReference<>(), work);
    }

    /** Holds until {@code thread} waits for durability; fails if {@code work} finishes first (it did not wait). */
    private static void awaitWaitingForSync(AtomicReference<Thread> thread, Future<?> work) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (work.isDone()) {
                fail("the statement finished while the commit it read was not durable");
            }
            Thread t = thread.get();
            if (t != null && t.getState() == Thread.State.WAITING && Arrays.stream(t.getStackTrace())
                    .anyMatch(f -> f.getMethodName().equals("awaitDurable"))) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // polling a thread's state: nothing to latch on
        }
        fail("the statement neither finished nor waited for the sync");
    }

    /** A's UPDATE is written and waits in its held sync; B, updating the same row, is written after it. */
    private List<Future<QueryResult>> twoUpdatesOfOneRow(Session a, Session b) throws Exception {
        gate.hold();
        Future<QueryResult> first = async(() -> a.execute("update acct set bal = bal + 1 where id = 1"));
        assertThat(gate.awaitSyncEntered(30)).isTrue();
        Future<QueryResult> second = async(() -> b.execute("update acct set bal = bal + 10 where id = 1"));
        assertThat(gate.awaitUnsyncedGroups(2, 30))
                .as("the waiting writer got the lock and its commit was written during the held sync").isTrue();
        assertThat(first.isDone()).as("not acknowledged before durable").isFalse();
        assertThat(second.isDone()).as("not acknowledged before durable").isFalse();
        return List.of(first, second);
    }

    @Test
    void heldSync_waitingWriterCommitsMeanwhile_butNeitherIsAcknowledgedNorSeenUntilTheSync() throws Exception {
        try (Session a = db.session(); Session b = db.session(); Session c = db.session()) {
            List<Future<QueryResult>> updates = twoUpdatesOfOneRow(a, b);
            assertThat(db.store().committer().appliedTs()).isGreaterThan(db.store().committer().visibleTs());

            // Every way of reading sees the row as it was durably; none waits.
            assertThat(balance(c)).isZero();
            PreparedQuery point = c.prepare("select bal from acct where id = $1");
            for (int i = 0; i < 3; i++) { // the embedded fast path once it is prepared
                assertThat(((Number) point.execute(1).toList().get(0).get(0)).longValue()).isZero();
            }
            assertThat(((Number) c.execute("select sum(bal) from acct").toList().get(0).get(0)).longValue()).isZero();
            c.execute("begin");
            assertThat(balance(c)).isZero();
            c.execute("commit");
            c.execute("begin isolation level repeatable read");
            assertThat(balance(c)).isZero();
            c.execute("commit");
            assertThat(updates.get(0).isDone() || updates.get(1).isDone()).isFalse();

            gate.release();
            assertThat(updates.get(0).get(30, TimeUnit.SECONDS).rowCount()).isEqualTo(1);
            assertThat(updates.get(1).get(30, TimeUnit.SECONDS).rowCount()).isEqualTo(1);
            assertThat(balance(c)).as("the second update applied on top of the first").isEqualTo(11);
        }
    }

    @Test
    void transactionThatMetAnUndurableCommit_returnsNoRowUntilItIsDurable() throws Exception {
        try (Session a = db.session(); Session b = db.session()) {
            // A SELECT after the UPDATE that met A's commit: 11 shows A's +1.
            assertThat(readAfterMeetingUndurableCommit(a, b, 1, () -> balance(b))).isEqualTo(11);
            // UPDATE ... RETURNING: 111 shows it too.
            assertThat(readAfterMeetingUndurableCommit(a, b, 2, () -> ((Number) b.execute(
                    "update acct set bal = bal + 100 where id = 2 returning bal").toList().get(0).get(0)).longValue()))
                    .isEqualTo(111);
            assertThat(balance(a)).isEqualTo(11);
            assertThat(((Number) a.execute("select bal from acct where id = 2").toList().get(0).get(0)).longValue())
                    .isEqualTo(111);
        }
    }

    /**
     * A adds 1 to row {@code id} and waits in its held sync; B, in a transaction, adds 10 to the same row (its row
     * count goes out at once: its own commit cannot be acknowledged before A's), then runs {@code read}, which
     * must wait for the sync; B commits. Returns what {@code read} returned.
     */
    private long readAfterMeetingUndurableCommit(Session a, Session b, int id, Callable<Long> read) throws Exception {
        gate.hold();
        Future<QueryResult> first = async(() -> a.execute("update acct set bal = bal + 1 where id = $1", id));
        assertThat(gate.awaitSyncEntered(30)).isTrue();
        b.execute("begin");
        assertThat(async(() -> b.execute("update acct set bal = bal + 10 where id = $1", id)).get(30, TimeUnit.SECONDS)
                .rowCount()).isEqualTo(1);
        assertThat(first.isDone()).isFalse();
        AtomicReference<Thread> reader = new AtomicReference<>();
        Future<Long> result = async(reader, read);
        awaitWaitingForSync(reader, result);
        gate.release();
        long value = result.get(30, TimeUnit.SECONDS);
        assertThat(first.get(30, TimeUnit.SECONDS).rowCount()).isEqualTo(1);
        b.execute("commit");
        gate.clearCounts();
        return value;
    }

    @Test
    void failedSync_failsBothCommits_refusesLaterOnes_andTheReopenedDatabaseIsWhole() throws Exception {
        try (Session a = db.session(); Session b = db.session(); Session c = db.session()) {
            List<Future<QueryResult>> updates = twoUpdatesOfOneRow(a, b);
            gate.failHeldSyncs(new HeliosException(SqlState.IO_ERROR, "fsync failed: input/output error"));
            for (Future<QueryResult> f : updates) {
                assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(HeliosException.class).hasMessageContaining("fsync failed");
            }
            assertThat(balance(c)).as("readers never saw either commit").isZero();
            assertThatThrownBy(() -> c.execute("insert into acct values (3, 0)")).isInstanceOf(HeliosException.class)
                    .satisfies(e -> assertThat(((HeliosException) e).sqlState()).isEqualTo(SqlState.IO_ERROR))
                    .hasMessageContaining("reopened");
        }
        db.close();
        db = openWithEarlyRelease("true");
        try (Session s = db.session()) {
            // Neither was acknowledged, so either may have survived, but only whole and in commit order.
            assertThat(balance(s)).isIn(0L, 1L, 11L);
            s.execute("insert into acct values (3, 0)");
            assertThat(s.execute("select count(*) from acct").toList().get(0).get(0)).isEqualTo(3L);
        }
    }

    @Test
    void strictSetting_holdsBackTheRowCountOfAStatementThatMetAnUndurableCommit() throws Exception {
        db.close();
        db = openWithEarlyRelease("strict");
        assertThat(db.store().completionsAwaitDurable()).isTrue();
        try (Session a = db.session(); Session b = db.session()) {
            gate.hold();
            Future<QueryResult> first = async(() -> a.execute("update acct set bal = bal + 1 where id = 1"));
            assertThat(gate.awaitSyncEntered(30)).isTrue();
            b.execute("begin");
            AtomicReference<Thread> updater = new AtomicReference<>();
            Future<QueryResult> update = async(updater, () -> b.execute("update acct set bal = bal + 10 where id = 1"));
            awaitWaitingForSync(updater, update);
            gate.release();
            assertThat(update.get(30, TimeUnit.SECONDS).rowCount()).isEqualTo(1);
            assertThat(first.get(30, TimeUnit.SECONDS).rowCount()).isEqualTo(1);
            b.execute("commit");
            assertThat(balance(a)).isEqualTo(11);
        }
    }
}
