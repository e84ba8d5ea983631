package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/**
 * Thrown under READ COMMITTED when a statement meets a row that a transaction committed after the
 * statement's snapshot. The session undoes the statement's writes (keeping its locks) and runs it
 * again on a new snapshot, so it acts on the row's newest version, as PostgreSQL's re-check does.
 * It is a HeliosException so the SQL engine passes it through untouched; should it ever reach a
 * client it reads as the serialization failure it stands for.
 */
public final class StatementRestart extends HeliosException {
    StatementRestart() {
        super(SqlState.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
    }

    /** Control flow, caught by the session: a stack trace (dozens of frames deep) would only cost time. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
