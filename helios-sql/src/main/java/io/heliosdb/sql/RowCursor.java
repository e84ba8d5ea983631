package io.heliosdb.sql;

/** Stored rows of one table, as the kernel hands them to the executor. */
public interface RowCursor extends AutoCloseable {

    /** Advances; false at the end. */
    boolean next();

    /** The current row's values, in table column order. */
    Object[] row();

    /** The current row's storage key, which {@link ExecutionContext#update}/{@link ExecutionContext#delete} take. */
    byte[] rowKey();

    @Override
    void close();
}
