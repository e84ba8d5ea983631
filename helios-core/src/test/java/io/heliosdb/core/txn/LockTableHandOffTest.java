package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.LockTable.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a released lock passes to its waiters: in arrival order, to exactly those the holders admit, never lost. */
class LockTableHandOffTest {
    private static final LockKey ROW = new LockKey("rows", new byte[] {7});
    private static final LockKey OTHER = new LockKey("rows", new byte[] {8});
    private static final LockWait LONG = new LockWait(120_000, () -> { });

    private final LockTable table = new LockTable();
    private final List<Thread> threads = new ArrayList<>();
    /** Owners in the order they got their lock; a failed request as "-owner:SQLSTATE". */
    private final BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();

    @AfterEach
    void joinThreads() throws InterruptedException {
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
            assertThat(t.isAlive()).as("a waiter never finished").isFalse();
        }
    }

    /** {@code owner} asks for {@code key} on a thread of its own; returns once it waits (or has finished). */
    private Thread request(long owner, LockKey key, Mode mode, LockWait wait, boolean awaitBlocked) {
        Thread t = new Thread(() -> {
            try {
                table.acquire(owner, key, mode, wait);
                outcomes.add(Long.toString(owner));
            } catch (HeliosException e) {
                outcomes.add("-" + owner + ":" + e.sqlState().code());
            }
        }, "owner-" + owner);
        threads.add(t);
        t.start();
        if (awaitBlocked) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!table.isBlocked(t)) {
                assertThat(t.isAlive()).as("owner " + owner + " finished instead of waiting").isTrue();
                assertThat(System.nanoTime()).as("owner " + owner + " never waited").isLessThan(deadline);
                Thread.yield();
            }
        }
        return t;
    }

    private Thread waiter(long owner, Mode mode) {
        return request(owner, ROW, mode, LONG, true);
    }

    private String next() throws InterruptedException {
        String outcome = outcomes.poll(60, TimeUnit.SECONDS);
        assertThat(outcome).as("no waiter was granted or failed").isNotNull();
        return outcome;
    }

    @Test
    void release_handsAnExclusiveLockToTheWaitersInArrivalOrder() throws InterruptedException {
        assertThat(table.tryAcquire(1, ROW, Mode.EXCLUSIVE)).isTrue();
        Thread second = waiter(2, Mode.EXCLUSIVE);
        Thread third = waiter(3, Mode.EXCLUSIVE);
        Thread fourth = waiter(4, Mode.EXCLUSIVE);
        Thread fifth = waiter(5, Mode.EXCLUSIVE);

        table.releaseAll(1, List.of(ROW));
        assertThat(next()).isEqualTo("2");
        assertThat(table.isBlocked(second)).isFalse();
        assertThat(List.of(table.isBlocked(third), table.isBlocked(fourth), table.isBlocked(fifth)))
                .containsOnly(true);
        table.releaseAll(2, List.of(ROW));
        assertThat(next()).isEqualTo("3");
        table.releaseAll(3, List.of(ROW));
        assertThat(next()).isEqualTo("4");
        table.releaseAll(4, List.of(ROW));
        assertThat(next()).isEqualTo("5");
        assertThat(table.tryAcquire(6, ROW, Mode.KEY_SHARE)).as("owner 5 holds the row now").isFalse();
        table.releaseAll(5, List.of(ROW));
        assertThat(table.lockedKeys()).isZero();
        assertThat(table.waiters()).isZero();
        assertThat(table.waitStats().waits()).isEqualTo(4);
    }

    @Test
    void release_grantsEveryWaiterTheRemainingHoldersAdmit() throws InterruptedException {
        assertThat(table.tryAcquire(1, ROW, Mode.EXCLUSIVE)).isTrue();
        waiter(2, Mode.SHARED);
        Thread writer = waiter(3, Mode.EXCLUSIVE);
        waiter(4, Mode.SHARED);

        table.releaseAll(1, List.of(ROW));
        // As PostgreSQL's row locks: a share request compatible with the holders does not queue behind a writer.
        assertThat(Set.of(next(), next())).containsExactlyInAnyOrder("2", "4");
        assertThat(table.isBlocked(writer)).isTrue();
        table.releaseAll(2, List.of(ROW));
        assertThat(table.isBlocked(writer)).as("owner 4 still shares the row").isTrue();
        table.releaseAll(4, List.of(ROW));
        assertThat(next()).isEqualTo("3");
        table.releaseAll(3, List.of(ROW));
        assertThat(table.lockedKeys()).isZero();
    }

    @Test
    void timedOutWaiter_leavesTheQueueAndTheLockGoesToTheNext() throws InterruptedException {
        assertThat(table.tryAcquire(1, ROW, Mode.EXCLUSIVE)).isTrue();
        Thread impatient = request(2, ROW, Mode.EXCLUSIVE, new LockWait(1, () -> { }), false);
        impatient.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(next()).isEqualTo("-2:" + SqlState.LOCK_NOT_AVAILABLE.code());
        waiter(3, Mode.EXCLUSIVE);

        table.releaseAll(1, List.of(ROW));
        assertThat(next()).isEqualTo("3");
        assertThat(table.tryAcquire(2, ROW, Mode.KEY_SHARE)).as("the timed-out owner got nothing").isFalse();
        table.releaseAll(3, List.of(ROW));
        assertThat(table.lockedKeys()).isZero();
        assertThat(table.waiters()).isZero();
    }

    @Test
    void cancelledWaiter_leavesTheQueue() throws InterruptedException {
        assertThat(table.tryAcquire(1, ROW, Mode.EXCLUSIVE)).isTrue();
        CountDownLatch cancel = new CountDownLatch(1);
        LockWait cancellable = new LockWait(120_000, () -> {
            if (cancel.getCount() == 0) {
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
        });
        request(2, ROW, Mode.EXCLUSIVE, cancellable, true);
        cancel.countDown();
        assertThat(next()).isEqualTo("-2:" + SqlState.QUERY_CANCELED.code());
        table.releaseAll(1, List.of(ROW));
        assertThat(table.lockedKeys()).isZero();
        assertThat(table.waiters()).isZero();
    }

    @Test
    void deadlock_throughALockHandedToAWaiter_isFoundAtOnce() throws InterruptedException {
        assertThat(table.tryAcquire(1, ROW, Mode.EXCLUSIVE)).isTrue();
        assertThat(table.tryAcquire(3, OTHER, Mode.EXCLUSIVE)).isTrue();
        waiter(2, Mode.EXCLUSIVE);
        waiter(3, Mode.EXCLUSIVE);
        table.releaseAll(1, List.of(ROW));
        assertThat(next()).isEqualTo("2");

        // Owner 3 now waits for owner 2 (the new holder); owner 2 asking for what owner 3 holds closes the cycle.
        request(2, OTHER, Mode.EXCLUSIVE, LONG, false);
        assertThat(next()).isEqualTo("-2:" + SqlState.DEADLOCK_DETECTED.code());
        table.releaseAll(2, List.of(ROW));
        assertThat(next()).isEqualTo("3");
        table.releaseAll(3, List.of(ROW, OTHER));
        assertThat(table.lockedKeys()).isZero();
    }

    @Test
    void contendedLock_neverAdmitsAWriterBesideAnyoneAndEveryRequestIsGranted() throws InterruptedException {
        int workers = 8;
        int rounds = 1_500;
        AtomicInteger readers = new AtomicInteger();
        AtomicInteger writers = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> broken = new AtomicReference<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    long owner = worker * 1_000_000L + i + 1;
                    boolean write = (i + worker) % 3 != 0;
                    table.acquire(owner, ROW, write ? Mode.EXCLUSIVE : Mode.SHARED, LONG);
                    AtomicInteger mine = write ? writers : readers;
                    mine.incrementAndGet();
                    if (writers.get() > 1 || (writers.get() == 1 && readers.get() > 0)) {
                        broken.compareAndSet(null, "writers=" + writers.get() + " readers=" + readers.get());
                    }
                    Thread.yield();
                    mine.decrementAndGet();
                    table.releaseAll(owner, List.of(ROW));
                    done.incrementAndGet();
                }
            }, "worker-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(120));
        }
        assertThat(broken.get()).isNull();
        assertThat(done.get()).isEqualTo(workers * rounds);
        assertThat(table.lockedKeys()).isZero();
        assertThat(table.waiters()).isZero();
    }
}
