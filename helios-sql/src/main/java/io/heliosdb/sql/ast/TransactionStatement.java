package io.heliosdb.sql.ast;

import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.TransactionControl;

/** BEGIN / COMMIT / ROLLBACK and their synonyms, savepoints, SET TRANSACTION, VACUUM. */
public record TransactionStatement(TransactionCommand command, TransactionControl control) implements Statement {

    public TransactionStatement(TransactionCommand command) {
        this(command, TransactionControl.of(command));
    }

    public TransactionStatement(TransactionControl control) {
        this(control.command(), control);
    }
}
