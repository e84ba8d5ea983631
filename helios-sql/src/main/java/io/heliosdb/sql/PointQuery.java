package io.heliosdb.sql;

import io.heliosdb.sql.schema.TableDef;

/**
 * A read-only query that reads at most one row, by its table's whole primary key, and computes its
 * output from that row and the parameters alone (no session state, no clock, no other rows). A
 * kernel may run it without opening an executor pipeline: bind, read the one stored row at a fresh
 * snapshot, then {@link #output}. Running the {@link StatementPlan} instead gives the same answer.
 */
public interface PointQuery {

    /** The table read (never a system view). */
    TableDef table();

    /** The parameters coerced to the statement's parameter types; a wrong count is {@code 08P01}. */
    Object[] bind(Object[] params);

    /**
     * The primary key values, in primary key order and of the key columns' types, for the bound
     * parameters; null when no row can match (a NULL key value, or one outside its column's range).
     */
    Object[] key(Object[] bound);

    /** Which columns of the table {@link #output} reads; the others may be left null in the row it gets. */
    boolean[] columns();

    /** The result row for the stored row, or null when the rest of the WHERE clause rejects it. */
    Object[] output(Object[] row, Object[] bound);
}
