package io.heliosdb.core.txn;

/**
 * How long a statement may wait for a lock ({@code lock_timeout}, 55P03), and the check that
 * ends a wait early when the statement is cancelled or runs past {@code statement_timeout}.
 */
public record LockWait(long timeoutMillis, Runnable checkCancelled) {
    public static final LockWait DEFAULT = new LockWait(60_000, () -> { });
}
