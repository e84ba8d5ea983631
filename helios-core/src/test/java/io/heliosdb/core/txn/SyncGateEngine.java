package io.heliosdb.core.txn;

import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wraps an engine so that its syncs can be held, or made to fail, while writes go on: the window early lock
 * release opens between a commit group's write and its sync. Commit groups are recognised by the kernel's
 * bookkeeping key each one writes (keyspace {@code meta}), so background vacuum writes are not counted.
 */
public final class SyncGateEngine extends ForwardingStorageEngine {
    private final Object gate = new Object();
    private boolean held;
    private RuntimeException failure;
    private final Semaphore syncsEntered = new Semaphore(0);
    private final Semaphore unsyncedGroups = new Semaphore(0);

    public SyncGateEngine(StorageEngine delegate) {
        super(delegate);
    }

    /** Syncs from now on wait until {@link #release} or {@link #failHeldSyncs}. */
    public void hold() {
        synchronized (gate) {
            held = true;
        }
    }

    public void release() {
        synchronized (gate) {
            held = false;
            gate.notifyAll();
        }
    }

    /** Held syncs, and every later one, throw {@code e}. */
    public void failHeldSyncs(RuntimeException e) {
        synchronized (gate) {
            failure = e;
            held = false;
            gate.notifyAll();
        }
    }

    /** Forgets the syncs and commit groups seen so far. */
    public void clearCounts() {
        syncsEntered.drainPermits();
        unsyncedGroups.drainPermits();
    }

    /** Whether a sync was entered (and, while held, is waiting) within the timeout. */
    public boolean awaitSyncEntered(long seconds) throws InterruptedException {
        return syncsEntered.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    /** Whether {@code n} more commit groups were written without a sync within the timeout. */
    public boolean awaitUnsyncedGroups(int n, long seconds) throws InterruptedException {
        return unsyncedGroups.tryAcquire(n, seconds, TimeUnit.SECONDS);
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        delegate.write(batch, sync);
        if (!sync && batch.ops().stream().anyMatch(op -> op.keyspace().equals(TransactionalStore.META))) {
            unsyncedGroups.release();
        }
    }

    @Override
    public void sync() {
        syncsEntered.release();
        synchronized (gate) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (held) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the test never released the held sync");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(gate, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
        delegate.sync();
    }
}
