package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Under early lock release the thread that runs a sync acknowledges every group it made durable (their owners wake
 * straight from the sync, not through their leader), runs the next sync itself while groups wait, and after
 * two in a row hands the next one to the oldest waiting group's leader.
 */
class EarlyLockReleaseAckTest {
    /** Each sync waits for one permit; records the thread that ran it. */
    private static final class StepSyncEngine extends ForwardingStorageEngine {
        final Semaphore permits = new Semaphore(0);
        final Semaphore entered = new Semaphore(0);
        final List<Thread> syncThreads = new CopyOnWriteArrayList<>();

        StepSyncEngine(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public void sync() {
            syncThreads.add(Thread.currentThread());
            entered.release();
            try {
                if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("sync never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.sync();
        }
    }

    private StepSyncEngine engine;
    private GroupCommitter committer;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        StorageEngine memory = ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("memory")).findFirst().orElseThrow()
                .open(StorageConfig.defaults().withMemoryOnly());
        engine = new StepSyncEngine(memory);
        committer = new GroupCommitter(engine, true, 0, null, true);
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void close() throws Exception {
        engine.permits.release(100);
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        engine.close();
    }

    /** Commits on a pool thread; its future holds the thread; {@code released} counts down once its locks go. */
    private Future<Thread> commit(CountDownLatch released) {
        return pool.submit(() -> {
            long ts = committer.commit(t -> new WriteBatch().put("t", new byte[] {(byte) t}, new byte[] {1}),
                    t -> { }, released::countDown);
            assertThat(committer.visibleTs()).as("acknowledged only once durable").isGreaterThanOrEqualTo(ts);
            return Thread.currentThread();
        });
    }

    /** Waits until {@code n} written commits wait for the sync in flight (they registered with its thread). */
    private void awaitRegistered(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (committer.commitsAwaitingSync() < n) {
            assertThat(System.nanoTime()).as("%d commit(s) never waited for the sync", n).isLessThan(deadline);
            Thread.yield();
        }
    }

    private void awaitSyncs(int n) throws InterruptedException {
        assertThat(engine.entered.tryAcquire(n, 30, TimeUnit.SECONDS)).as("%d sync(s) entered", n).isTrue();
    }

    @Test
    void groupsWrittenDuringASync_areSyncedAndAcknowledgedByTheSyncingThread() throws Exception {
        CountDownLatch firstReleased = new CountDownLatch(1);
        Future<Thread> first = commit(firstReleased);
        awaitSyncs(1);
        assertThat(firstReleased.await(30, TimeUnit.SECONDS)).isTrue();
        CountDownLatch laterReleased = new CountDownLatch(2);
        Future<Thread> second = commit(laterReleased);
        Future<Thread> third = commit(laterReleased);
        assertThat(laterReleased.await(30, TimeUnit.SECONDS)).as("written and released during the held sync").isTrue();
        assertThat(committer.appliedTs()).isEqualTo(3);
        awaitRegistered(2);

        engine.permits.release(2);
        Thread syncer = first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        third.get(30, TimeUnit.SECONDS);
        assertThat(committer.visibleTs()).isEqualTo(3);
        assertThat(engine.syncThreads).as("one sync for the first commit, one for the two written meanwhile, both"
                + " run by the first commit's thread").containsExactly(syncer, syncer);
        assertThat(committer.syncsDone()).isEqualTo(2);
    }

    @Test
    void afterTwoSyncsInARow_theOldestWaitingLeaderRunsTheNext() throws Exception {
        Future<Thread> first = commit(new CountDownLatch(1));
        awaitSyncs(1);
        CountDownLatch secondReleased = new CountDownLatch(1);
        Future<Thread> second = commit(secondReleased);
        assertThat(secondReleased.await(30, TimeUnit.SECONDS)).isTrue();
        awaitRegistered(1);

        engine.permits.release(); // sync 1 ends (the first commit); its thread runs sync 2 for the second
        awaitSyncs(1);
        CountDownLatch thirdReleased = new CountDownLatch(1);
        Future<Thread> third = commit(thirdReleased);
        assertThat(thirdReleased.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.isDone()).as("the second commit waits for sync 2").isFalse();
        awaitRegistered(2);

        engine.permits.release(); // sync 2 ends; the third commit still waits: its leader gets sync 3
        awaitSyncs(1);
        assertThat(third.isDone()).isFalse();
        engine.permits.release();
        Thread syncer = first.get(30, TimeUnit.SECONDS);
        assertThat(second.get(30, TimeUnit.SECONDS)).isNotEqualTo(syncer);
        Thread thirdThread = third.get(30, TimeUnit.SECONDS);
        assertThat(engine.syncThreads).containsExactly(syncer, syncer, thirdThread);
        assertThat(committer.visibleTs()).isEqualTo(3);
    }
}
