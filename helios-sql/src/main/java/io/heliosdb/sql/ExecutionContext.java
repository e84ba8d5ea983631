package io.heliosdb.sql;

import io.heliosdb.sql.schema.TableDef;

/**
 * What the executor needs from the kernel to run one statement inside the current transaction.
 * Implemented by helios-core; reads see the transaction's snapshot plus its own writes.
 */
public interface ExecutionContext extends SchemaLookup {

    /** Creates the table (the kernel assigns its id). {@code 42P07} when the name is taken. */
    TableDef createTable(TableDef definition);

    /** Drops the table and all its rows. */
    void dropTable(TableDef table);

    /** Every row, in primary key order (row id order without a primary key). */
    RowCursor scan(TableDef table);

    /** The row whose whole primary key equals {@code key} (one storage read): zero or one rows. */
    RowCursor lookup(TableDef table, Object[] key);

    /** Inserts a row; {@code 23505} when its primary key exists. Values are already coerced and checked. */
    void insert(TableDef table, Object[] row);

    /** Replaces the row stored under {@code rowKey}; a changed primary key moves it ({@code 23505} if taken). */
    void update(TableDef table, byte[] rowKey, Object[] newRow);

    /** Deletes the row stored under {@code rowKey}. */
    void delete(TableDef table, byte[] rowKey);

    /** The value of a session setting, or {@code null} when unknown. */
    String setting(String name);

    /** Sets a session setting ({@code SET name = value}). */
    void setSetting(String name, String value);

    /** Throws {@code 57014} when the statement was cancelled or ran past its timeout. */
    default void checkCancelled() {
    }
}
