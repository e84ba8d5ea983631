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
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Without early lock release, a group's leader runs each commit's release action (its row locks) once the group is
 * durable and visible, before it wakes the commit's owner: a transaction waiting for one of those locks need not
 * wait for the owner's thread to run first. Never before the commit is visible, never for a failed write.
 */
class GroupCommitterReleaseTest {
    private static final int FOLLOWERS = 4;

    /** The first write waits for {@code release}, so the followers queue up behind it as one group. */
    private static final class GatedEngine extends ForwardingStorageEngine {
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile RuntimeException failWrites;

        GatedEngine(StorageEngine delegate) {
            super(delegate);
        }

        @Override
        public void write(WriteBatch batch, boolean sync) {
            firstWriteEntered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failWrites != null) {
                throw failWrites;
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

    /** What one commit's release action saw. */
    private record Release(Thread thread, long visibleTs, boolean ownerReturned) {
    }

    @Test
    void durableGroup_leaderReleasesEveryMember_onceVisible_beforeWakingTheOwners() throws Exception {
        try (GatedEngine engine = new GatedEngine(memory())) {
            GroupCommitter committer = new GroupCommitter(engine, true, 0);
            Map<Long, Thread> owners = new ConcurrentHashMap<>();
            Map<Long, Release> releases = new ConcurrentHashMap<>();
            Map<Long, AtomicBoolean> returned = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(FOLLOWERS + 1);
            try {
                List<Future<Long>> commits = new ArrayList<>();
                commits.add(pool.submit(() -> commit(committer, owners, releases, returned, null)));
                assertThat(engine.firstWriteEntered.await(30, TimeUnit.SECONDS)).isTrue();
                CountDownLatch queued = new CountDownLatch(FOLLOWERS);
                for (int i = 0; i < FOLLOWERS; i++) {
                    commits.add(pool.submit(() -> commit(committer, owners, releases, returned, queued)));
                }
                assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
                engine.release.countDown();
                for (Future<Long> f : commits) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(releases).hasSize(FOLLOWERS + 1);
            long releasedByAnother = 0;
            for (Map.Entry<Long, Release> e : releases.entrySet()) {
                long ts = e.getKey();
                Release r = e.getValue();
                assertThat(r.visibleTs()).as("released only once commit %d is durable and visible", ts)
                        .isGreaterThanOrEqualTo(ts);
                assertThat(r.ownerReturned()).as("released before commit %d returned", ts).isFalse();
                if (r.thread() != owners.get(ts)) {
                    releasedByAnother++;
                }
            }
            assertThat(committer.groupsWritten()).isEqualTo(2);
            assertThat(releasedByAnother).as("the second group's leader released its %d other members", FOLLOWERS - 1)
                    .isEqualTo(FOLLOWERS - 1);
        }
    }

    private static long commit(GroupCommitter committer, Map<Long, Thread> owners, Map<Long, Release> releases,
                               Map<Long, AtomicBoolean> returned, CountDownLatch queued) {
        long[] mine = new long[1];
        long ts = committer.commit(t -> {
            mine[0] = t;
            owners.put(t, Thread.currentThread());
            returned.put(t, new AtomicBoolean());
            if (queued != null) {
                queued.countDown();
            }
            return put(t);
        }, t -> { }, () -> releases.put(mine[0],
                new Release(Thread.currentThread(), committer.visibleTs(), returned.get(mine[0]).get())));
        returned.get(ts).set(true);
        return ts;
    }

    @Test
    void failedWrite_releasesNothing_theOwnerDoes() throws Exception {
        try (GatedEngine engine = new GatedEngine(memory())) {
            engine.release.countDown();
            engine.failWrites = new HeliosException(SqlState.IO_ERROR, "disk full");
            GroupCommitter committer = new GroupCommitter(engine, true, 0);
            AtomicBoolean released = new AtomicBoolean();
            assertThatThrownBy(() -> committer.commit(GroupCommitterReleaseTest::put, t -> { },
                    () -> released.set(true))).isInstanceOf(HeliosException.class).hasMessageContaining("disk full");
            assertThat(released).as("a failed commit keeps its locks for its owner to release").isFalse();
        }
    }
}
