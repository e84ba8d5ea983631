package io.heliosdb.sql.exec;

/** A running operator: rows are pulled one at a time. */
interface RowSource extends AutoCloseable {

    boolean next();

    Object[] row();

    /** The stored row's key, for sources reading a table directly (or through filters); else null. */
    default byte[] rowKey() {
        return null;
    }

    @Override
    default void close() {
    }
}
