package io.heliosdb.sql;

/**
 * Transaction control statements (and VACUUM, which must run outside one), which the kernel's
 * session runs itself; {@link TransactionControl} carries what they name.
 */
public enum TransactionCommand {
    BEGIN, COMMIT, ROLLBACK,
    SAVEPOINT, ROLLBACK_TO_SAVEPOINT, RELEASE_SAVEPOINT,
    /** SET TRANSACTION: the current transaction's isolation level and access mode. */
    SET_TRANSACTION,
    /** SET SESSION CHARACTERISTICS AS TRANSACTION: the session's defaults for later transactions. */
    SET_SESSION_CHARACTERISTICS,
    VACUUM,
    /** ANALYZE: accepted (statistics are not kept), allowed inside a transaction block. */
    ANALYZE
}
