package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GroupCommitter} with early lock release: written, released, then synced; acknowledged only once durable. */
class EarlyLockReleaseCommitterTest {
    private SyncGateEngine engine;
    private GroupCommitter committer;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        StorageEngine memory = ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("memory")).findFirst().orElseThrow()
                .open(StorageConfig.defaults().withMemoryOnly());
        engine = new SyncGateEngine(memory);
        // The kernel's trailer: the gate counts the writes carrying it as commit groups.
        committer = new GroupCommitter(engine, true, 0,
                (batch, newest) -> batch.put(TransactionalStore.META, new byte[] {1}, key(newest)), true);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() throws InterruptedException {
        engine.release();
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        engine.close();
    }

    private static byte[] key(long ts) {
        return java.nio.ByteBuffer.allocate(8).putLong(ts).array();
    }

    private static WriteBatch put(long ts) {
        return new WriteBatch().put("t", key(ts), new byte[] {1});
    }

    /** Commits on a pool thread; fails the future if it returns before its commit is visible (durable). */
    private Future<Long> commit(Runnable release, List<String> events, String name) {
        return pool.submit(() -> {
            long ts = committer.commit(EarlyLockReleaseCommitterTest::put, t -> events.add(name + " applied"), () -> {
                events.add(name + " released");
                release.run();
            });
            assertThat(committer.visibleTs()).as("acknowledged only once durable").isGreaterThanOrEqualTo(ts);
            return ts;
        });
    }

    @Test
    void heldSync_secondCommitIsWrittenAndReleasedMeanwhile_neitherReturnsUntilTheSyncs() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstReleased = new CountDownLatch(1);
        CountDownLatch secondReleased = new CountDownLatch(1);
        engine.hold();
        Future<Long> first = commit(firstReleased::countDown, events, "first");
        assertThat(engine.awaitSyncEntered(30)).isTrue();
        assertThat(firstReleased.await(30, TimeUnit.SECONDS)).as("released before its sync ends").isTrue();
        Future<Long> second = commit(secondReleased::countDown, events, "second");
        assertThat(secondReleased.await(30, TimeUnit.SECONDS))
                .as("the next commit is written and released while the first one's sync is held").isTrue();
        assertThat(engine.get("t", key(2))).isNotNull();
        assertThat(committer.appliedTs()).isEqualTo(2);
        assertThat(committer.visibleTs()).as("snapshots stay below what is not durable").isZero();
        assertThat(first.isDone()).isFalse();
        assertThat(second.isDone()).isFalse();

        engine.release();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(committer.visibleTs()).isEqualTo(2);
        assertThat(events).containsExactly("first applied", "first released", "second applied", "second released");
        assertThat(committer.syncsDone()).as("the first sync started before the second write").isEqualTo(2);
        assertThat(committer.groupsWritten()).isEqualTo(2);
        assertThat(committer.syncNanos()).as("the held sync is timed apart from the writes").isPositive()
                .isLessThanOrEqualTo(committer.writeNanos());
    }

    @Test
    void failedSync_failsEveryWrittenCommit_andRefusesLaterOnes() throws Exception {
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstReleased = new CountDownLatch(1);
        CountDownLatch secondReleased = new CountDownLatch(1);
        engine.hold();
        Future<Long> first = commit(firstReleased::countDown, events, "first");
        assertThat(engine.awaitSyncEntered(30)).isTrue();
        assertThat(firstReleased.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Long> second = commit(secondReleased::countDown, events, "second");
        assertThat(secondReleased.await(30, TimeUnit.SECONDS)).isTrue();

        engine.failHeldSyncs(new HeliosException(SqlState.IO_ERROR, "fsync failed: no space left"));
        for (Future<Long> f : List.of(first, second)) {
            assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(HeliosException.class).hasMessageContaining("fsync failed");
        }
        assertThat(committer.visibleTs()).as("nothing became visible").isZero();

        AtomicBoolean built = new AtomicBoolean();
        assertThatThrownBy(() -> committer.commit(ts -> {
            built.set(true);
            return put(ts);
        }, ts -> { }, () -> { })).isInstanceOf(HeliosException.class).hasMessageContaining("reopened")
                .satisfies(e -> assertThat(((HeliosException) e).sqlState()).isEqualTo(SqlState.IO_ERROR));
        assertThat(built).as("a refused commit is not even queued").isFalse();
        assertThatThrownBy(() -> committer.awaitDurable(2)).isInstanceOf(HeliosException.class);
    }

    @Test
    void commitWithoutReleaseAction_isWrittenSynced_andVisibleWhenItReturns() throws Exception {
        engine.hold(); // only syncs hold: a synced write does not call sync()
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        long ts = pool.submit(() -> committer.commit(EarlyLockReleaseCommitterTest::put, t -> events.add("applied"),
                null)).get(30, TimeUnit.SECONDS);
        assertThat(ts).isEqualTo(1);
        assertThat(committer.visibleTs()).isEqualTo(1);
        assertThat(engine.awaitUnsyncedGroups(1, 0)).as("written with sync").isFalse();
        assertThat(events).containsExactly("applied");
        assertThat(committer.syncNanos()).as("no sync apart from the write").isZero();
    }

    @Test
    void manyConcurrentCommitters_eachReturnOnlyOnceDurable_andSyncsAreShared() throws Exception {
        int threads = 8;
        int perThread = 200;
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                int problems = 0;
                for (int i = 0; i < perThread; i++) {
                    long ts = committer.commit(EarlyLockReleaseCommitterTest::put, x -> { }, () -> { });
                    if (committer.visibleTs() < ts || engine.get("t", key(ts)) == null) {
                        problems++;
                    }
                }
                return problems;
            }));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get(120, TimeUnit.SECONDS)).isZero();
        }
        assertThat(committer.commitsWritten()).isEqualTo((long) threads * perThread);
        assertThat(committer.visibleTs()).isEqualTo((long) threads * perThread);
        assertThat(committer.appliedTs()).isEqualTo((long) threads * perThread);
        assertThat(committer.syncsDone()).isBetween(1L, committer.groupsWritten());
    }
}
