package io.heliosdb.api;

import java.util.List;

/** A statement parsed and planned once, executed many times with different parameters. */
public interface PreparedQuery extends AutoCloseable {

    /** The statement text. */
    String sql();

    /** Types of {@code $1..$n}, inferred from where each parameter is used. */
    List<SqlType> parameterTypes();

    /** Result columns; empty when the statement returns no rows. */
    List<Column> columns();

    /**
     * True when running it changes no rows and no catalog (a plain query, SHOW, a transaction
     * command): a server need not open a transaction block around it.
     */
    boolean readOnly();

    /** For a COPY statement, what it moves (run it with Session.copyIn/copyOut); otherwise {@code null}. */
    default CopyDescription copy() {
        return null;
    }

    /**
     * Runs the statement. A parameter may be given as a value of its type's Java class, as another
     * number, or as text in PostgreSQL's input form.
     */
    QueryResult execute(Object... params);

    @Override
    default void close() {
    }
}
