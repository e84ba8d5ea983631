package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.txn.LockTable.Mode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An EXCLUSIVE lock on a key nobody else holds (each row an INSERT claims) is kept without a full entry: it
 * must still exclude every other owner in every mode, be waited for, take part in deadlock detection, and be
 * given back by a release.
 */
class LockTableSoleHoldTest {
    private static final LockKey ROW = new LockKey("rows", new byte[] {1, 2});
    private static final LockKey OTHER = new LockKey("rows", new byte[] {1, 3});
    private static final LockWait LONG = new LockWait(120_000, () -> { });

    private final LockTable table = new LockTable();

    /** Runs {@code owner}'s acquire on a thread of its own and returns once that thread waits for the lock. */
    private CompletableFuture<Boolean> blockedRequest(long owner, LockKey key, Mode mode) throws InterruptedException {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(table.acquire(owner, key, mode, LONG));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "owner-" + owner);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!table.isBlocked(t)) {
            assertThat(result).as("owner " + owner + " finished instead of waiting").isNotDone();
            assertThat(System.nanoTime()).as("owner " + owner + " never waited").isLessThan(deadline);
            Thread.yield();
        }
        return result;
    }

    @Test
    void soleHold_excludesEveryOtherOwnerInEveryMode_andCoversItsOwnersRequests() {
        assertThat(table.acquire(1, ROW, Mode.EXCLUSIVE, LONG)).isFalse();
        for (Mode mode : Mode.values()) {
            assertThat(table.tryAcquire(2, ROW, mode)).as("owner 2 in " + mode).isFalse();
            assertThat(table.tryAcquire(1, ROW, mode)).as("owner 1 again in " + mode).isTrue();
        }
        assertThat(table.acquire(1, ROW, Mode.EXCLUSIVE, LONG)).as("a second claim by the holder waits for nothing")
                .isFalse();
        assertThat(table.lockedKeys()).isEqualTo(1);
        table.releaseAll(2, List.of(ROW)); // not owner 2's: changes nothing
        assertThat(table.tryAcquire(3, ROW, Mode.KEY_SHARE)).isFalse();
        table.releaseAll(1, List.of(ROW));
        assertThat(table.lockedKeys()).isZero();
        assertThat(table.tryAcquire(2, ROW, Mode.EXCLUSIVE)).isTrue();
    }

    @Test
    void waiterOnASoleHold_getsTheLockWhenItIsReleased() throws Exception {
        table.acquire(1, ROW, Mode.EXCLUSIVE, LONG);
        table.acquire(1, OTHER, Mode.EXCLUSIVE, LONG);
        CompletableFuture<Boolean> second = blockedRequest(2, ROW, Mode.KEY_SHARE);
        table.releaseAll(1, List.of(ROW, OTHER));
        assertThat(second.get(60, TimeUnit.SECONDS)).as("it waited").isTrue();
        assertThat(table.tryAcquire(3, ROW, Mode.EXCLUSIVE)).as("owner 2 holds it now").isFalse();
        assertThat(table.tryAcquire(3, OTHER, Mode.EXCLUSIVE)).isTrue();
        table.releaseAll(2, List.of(ROW));
        table.releaseAll(3, List.of(OTHER));
        assertThat(table.lockedKeys()).isZero();
        assertThat(table.waiters()).isZero();
    }

    @Test
    void deadlockBetweenSoleHolds_failsTheOwnerThatClosesTheCycle() throws Exception {
        table.acquire(1, ROW, Mode.EXCLUSIVE, LONG);
        table.acquire(2, OTHER, Mode.EXCLUSIVE, LONG);
        CompletableFuture<Boolean> first = blockedRequest(1, OTHER, Mode.EXCLUSIVE);
        assertThatThrownBy(() -> table.acquire(2, ROW, Mode.EXCLUSIVE, LONG))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED));
        table.releaseAll(2, List.of(OTHER, ROW));
        assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        table.releaseAll(1, List.of(ROW, OTHER));
        assertThat(table.lockedKeys()).isZero();
    }
}
