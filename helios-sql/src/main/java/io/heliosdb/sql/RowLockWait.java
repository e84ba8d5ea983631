package io.heliosdb.sql;

/** What a {@code SELECT ... FOR ...} does about a row another transaction holds locked. */
public enum RowLockWait {
    /** Wait for it (up to {@code lock_timeout} and the statement timeout). */
    BLOCK,
    /** Leave the row out of the result. */
    SKIP_LOCKED,
    /** Fail at once with {@code 55P03}. */
    NOWAIT
}
