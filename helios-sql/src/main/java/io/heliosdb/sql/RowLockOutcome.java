package io.heliosdb.sql;

/** What {@link ExecutionContext#lockRowRechecking} did with a row. */
public enum RowLockOutcome {
    /** Locked, and its version is the one the plan read. */
    LOCKED,
    /** Left out: SKIP LOCKED found it locked. */
    SKIPPED,
    /** Locked, but a transaction committed after the plan's snapshot changed or deleted it: the plan re-checks it. */
    CHANGED
}
