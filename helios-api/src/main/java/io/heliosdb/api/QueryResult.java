package io.heliosdb.api;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of one statement. Rows stream: {@link #next()} pulls the next one from the plan, so
 * a large result never sits in memory whole. Close it (or read it to the end) to release what it
 * holds; a session runs its next statement only after the previous result is closed or read.
 */
public interface QueryResult extends AutoCloseable {

    /** The result columns; empty for a statement that returns no rows. */
    List<Column> columns();

    /** Whether this statement returns rows (a query, or DML with RETURNING). */
    default boolean returnsRows() {
        return !columns().isEmpty();
    }

    /** Advances to the next row; false at the end. */
    boolean next();

    /** The current row (after {@link #next()} returned true). */
    Row row();

    /**
     * Rows affected, or rows returned so far for a query: final once {@link #next()} returned false.
     */
    long rowCount();

    /** PostgreSQL's command tag, e.g. {@code SELECT 3}, {@code INSERT 0 2}, {@code CREATE TABLE}. */
    String commandTag();

    @Override
    void close();

    /** Reads the remaining rows into a list and closes this result. */
    default List<Row> toList() {
        List<Row> rows = new ArrayList<>();
        try (this) {
            while (next()) {
                rows.add(row());
            }
        }
        return rows;
    }
}
