package io.heliosdb.sql;

/** Transaction control statements, which the kernel's session runs itself. */
public enum TransactionCommand {
    BEGIN, COMMIT, ROLLBACK
}
