package io.heliosdb.sql.ast;

import io.heliosdb.sql.TransactionCommand;

/** BEGIN / COMMIT / ROLLBACK and their synonyms. */
public record TransactionStatement(TransactionCommand command) implements Statement {
}
