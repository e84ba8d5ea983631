package io.heliosdb.sql;

/**
 * A statement the kernel's session runs itself, with what it names: the savepoint of SAVEPOINT,
 * ROLLBACK TO and RELEASE; the isolation level (a {@code transaction_isolation} value such as
 * {@code "repeatable read"}) and access mode of BEGIN, SET TRANSACTION and SET SESSION
 * CHARACTERISTICS, and whether it is DEFERRABLE (null where the statement leaves them as they are); the table of VACUUM (null
 * for every table).
 */
public record TransactionControl(TransactionCommand command, String name, String isolation, Boolean readOnly,
                                 Boolean deferrable) {

    /** Without a deferrable mode ({@code [NOT] DEFERRABLE} not given). */
    public TransactionControl(TransactionCommand command, String name, String isolation, Boolean readOnly) {
        this(command, name, isolation, readOnly, null);
    }

    /** The command alone. */
    public static TransactionControl of(TransactionCommand command) {
        return new TransactionControl(command, null, null, null);
    }
}
