package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The database-wide writer lock: one writing transaction at a time, from its first write to its
 * end. A semaphore rather than a ReentrantLock because a session's statements may run on
 * different threads (the wire server's worker pool), and the releasing thread need not own it.
 */
public final class WriteLock {
    private final Semaphore permit = new Semaphore(1, true);

    /** Waits up to {@code timeoutMillis} for the lock; {@code 55P03} when it does not come. */
    public void acquire(long timeoutMillis) {
        try {
            if (!permit.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                throw new HeliosException(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout",
                        "Another transaction held the database write lock for more than " + timeoutMillis + " ms.",
                        null, 0, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request", e);
        }
    }

    public void release() {
        permit.release();
    }

    /** Whether some transaction holds the lock now. */
    public boolean isHeld() {
        return permit.availablePermits() == 0;
    }
}
