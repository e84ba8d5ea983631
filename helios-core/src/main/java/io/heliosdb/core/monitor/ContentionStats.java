package io.heliosdb.core.monitor;

/**
 * Where concurrent writers lose time, as running totals: row-lock waits (from request to grant, and from
 * the releasing commit's hand-off to the waiter running again), commit groups (their storage write with
 * its sync, and each commit's time from request to durable return) and READ COMMITTED statement restarts.
 * {@code commitSyncs}: storage syncs made for commits (one per group, except under early lock release);
 * {@code commitSyncNanos}: of {@code commitWriteNanos}, the time in syncs made apart from the write (early lock
 * release), so the write alone and the sync alone can be told apart.
 * Divided by the transactions of a run they say which part of a contended transaction is slow.
 */
public record ContentionStats(long lockWaits, long lockWaitNanos, long lockWakeNanos, long commitGroups,
                              long commitWriteNanos, long commits, long commitNanos, long statementRestarts,
                              long commitSyncs, long commitSyncNanos) {
    public static final ContentionStats NONE = new ContentionStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
