package io.heliosdb.sql;

/**
 * Stored rows of one table handed over a batch at a time, column by column, as
 * {@link ExecutionContext#scanBatches} returns them: integer columns (smallint, integer, bigint) as
 * longs, every other read column as its usual Java values. An aggregate over a scan then runs tight
 * loops over primitive arrays instead of pulling one boxed row at a time.
 *
 * <p>The arrays are the cursor's own and are refilled by every {@link #nextBatch()}: read them only
 * until the next call. Only the columns the scan was asked for are filled.
 */
public interface ColumnBatchCursor extends AutoCloseable {

    /** Reads the next batch of at least one row; false at the end. */
    boolean nextBatch();

    /** How many rows the current batch holds (entries {@code [0, size())} of every array). */
    int size();

    /** An integer column's values (0 where the value is null). */
    long[] longs(int column);

    /** Any other read column's values (null where the value is null). */
    Object[] values(int column);

    /** Where the column's values are null, or null when no value of the column in this batch is. */
    boolean[] nulls(int column);

    /**
     * Hands the rest of this scan, past the rows of the current (full) batch, to up to {@code parts} cursors in
     * key order: this cursor keeps the first part and the returned ones cover the others, disjoint, together
     * exactly what this cursor would still have read, at the same snapshot. Each returned cursor may be read
     * (and closed) on another thread, at the same time as this one; close this one only after all of them.
     * An empty list (the default) means the scan cannot or need not be split; this cursor then reads on as
     * before.
     */
    default java.util.List<ColumnBatchCursor> split(int parts) {
        return java.util.List.of();
    }

    @Override
    void close();
}
