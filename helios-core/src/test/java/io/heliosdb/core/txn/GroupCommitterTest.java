package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.config.StorageConfig;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.StorageEngineProvider;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {
    private static final int FOLLOWERS = 6;

    /** Counts synced writes; the first one waits for {@code release} so others pile up behind it. */
    private static final class SyncCountingEngine extends ForwardingStorageEngine {
        final AtomicInteger syncWrites = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        SyncCountingEngine(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            writes.incrementAndGet();
            if (sync) {
                syncWrites.incrementAndGet();
            }
            firstWriteEntered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.write(batch, sync);
        }

    }

    private static StorageEngine memory() {
        return ServiceLoader.load(StorageEngineProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("memory")).findFirst().orElseThrow()
                .open(StorageConfig.defaults().withMemoryOnly());
    }

    private static WriteBatch put(long ts) {
        return new WriteBatch().put("t", new byte[] {(byte) ts}, new byte[] {1});
    }

    private int commitConcurrently(SyncCountingEngine engine, GroupCommitter committer, List<Long> applied)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FOLLOWERS + 1);
        try {
            Future<Long> leader = pool.submit(() -> committer.commit(GroupCommitterTest::put, applied::add));
            assertThat(engine.firstWriteEntered.await(10, TimeUnit.SECONDS)).isTrue();
            // Each batch is built under the queue monitor, right before it is queued.
            CountDownLatch queued = new CountDownLatch(FOLLOWERS);
            List<Future<Long>> followers = new ArrayList<>();
            for (int i = 0; i < FOLLOWERS; i++) {
                followers.add(pool.submit(() -> committer.commit(ts -> {
                    queued.countDown();
                    return put(ts);
                }, applied::add)));
            }
            assertThat(queued.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(committer.queued()).isEqualTo(FOLLOWERS);
            engine.release.countDown();
            Set<Long> timestamps = ConcurrentHashMap.newKeySet();
            timestamps.add(leader.get(10, TimeUnit.SECONDS));
            for (Future<Long> f : followers) {
                timestamps.add(f.get(10, TimeUnit.SECONDS));
            }
            return timestamps.size();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void commitsArrivingDuringASync_shareTheNextSync() throws Exception {
        try (SyncCountingEngine engine = new SyncCountingEngine(memory())) {
            GroupCommitter committer = new GroupCommitter(engine, true, 0);
            List<Long> applied = java.util.Collections.synchronizedList(new ArrayList<>());
            assertThat(commitConcurrently(engine, committer, applied)).isEqualTo(FOLLOWERS + 1);
            assertThat(engine.syncWrites.get()).as("one sync for the leader, one for everyone queued behind it")
                    .isEqualTo(2);
            assertThat(committer.commitsWritten()).isEqualTo(FOLLOWERS + 1);
            assertThat(committer.visibleTs()).isEqualTo(FOLLOWERS + 1);
            assertThat(applied).as("applied in commit timestamp order").isSorted().hasSize(FOLLOWERS + 1);
            for (long ts = 1; ts <= FOLLOWERS + 1; ts++) {
                assertThat(engine.get("t", new byte[] {(byte) ts})).isNotNull();
            }
        }
    }

    @Test
    void asynchronousCommits_neverSync() throws Exception {
        try (SyncCountingEngine engine = new SyncCountingEngine(memory())) {
            GroupCommitter committer = new GroupCommitter(engine, false, 0);
            List<Long> applied = java.util.Collections.synchronizedList(new ArrayList<>());
            assertThat(commitConcurrently(engine, committer, applied)).isEqualTo(FOLLOWERS + 1);
            assertThat(engine.syncWrites.get()).isZero();
            assertThat(engine.writes.get()).isEqualTo(2);
        }
    }
    @Test
    void groupTrailer_isWrittenOncePerGroup_withTheGroupsNewestTimestamp() throws Exception {
        try (SyncCountingEngine engine = new SyncCountingEngine(memory())) {
            List<Long> trailers = java.util.Collections.synchronizedList(new ArrayList<>());
            GroupCommitter committer = new GroupCommitter(engine, true, 0, (batch, newest) -> {
                trailers.add(newest);
                batch.put("meta", new byte[] {1}, new byte[] {(byte) (long) newest});
            });
            List<Long> applied = java.util.Collections.synchronizedList(new ArrayList<>());
            assertThat(commitConcurrently(engine, committer, applied)).isEqualTo(FOLLOWERS + 1);
            assertThat(trailers).containsExactly(1L, (long) FOLLOWERS + 1);
            assertThat(engine.get("meta", new byte[] {1})).containsExactly((byte) (FOLLOWERS + 1));
        }
    }

    @Test
    void manyConcurrentCommitters_eachReturnAfterTheirCommitIsWrittenAndVisible() throws Exception {
        int threads = 8;
        int perThread = 300;
        try (StorageEngine engine = memory()) {
            GroupCommitter committer = new GroupCommitter(engine, true, 0);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        int problems = 0;
                        for (int i = 0; i < perThread; i++) {
                            long ts = committer.commit(GroupCommitterTest::wide, x -> { });
                            if (committer.visibleTs() < ts || engine.get("t", key(ts)) == null) {
                                problems++;
                            }
                        }
                        return problems;
                    }));
                }
                for (Future<Integer> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
            }
            assertThat(committer.commitsWritten()).isEqualTo((long) threads * perThread);
            assertThat(committer.visibleTs()).isEqualTo((long) threads * perThread);
            assertThat(committer.groupsWritten()).isBetween(1L, (long) threads * perThread);
        }
    }

    private static byte[] key(long ts) {
        return java.nio.ByteBuffer.allocate(8).putLong(ts).array();
    }

    private static WriteBatch wide(long ts) {
        return new WriteBatch().put("t", key(ts), new byte[] {1});
    }
}
