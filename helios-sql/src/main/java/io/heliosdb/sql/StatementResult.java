package io.heliosdb.sql;

import io.heliosdb.api.Column;
import java.util.List;

/** Rows (streamed) and the command tag of one executed statement. */
public interface StatementResult extends AutoCloseable {

    /** Result columns; empty when no rows are returned. */
    List<Column> columns();

    /** Advances; false at the end (always false when there are no columns). */
    boolean next();

    /** The current row. */
    Object[] row();

    /** Affected rows, or rows returned so far for a query. */
    long rowCount();

    /** PostgreSQL's command tag: {@code SELECT n}, {@code INSERT 0 n}, {@code UPDATE n}, {@code CREATE TABLE}, ... */
    String commandTag();

    @Override
    void close();
}
