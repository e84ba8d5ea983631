package io.heliosdb.sql;

import java.util.List;

/**
 * What UPDATE/DELETE ... WHERE CURRENT OF needs of a declared cursor: the hidden columns, after the ones
 * FETCH returns, that carry the storage key of each table's row (see {@link io.heliosdb.sql.plan.RowKeyColumn}).
 *
 * @param locking whether the cursor is declared FOR UPDATE/SHARE (PostgreSQL's errors then name the locking clause)
 * @param keys    one per table the cursor can name a row of; empty when it reads no table simply
 */
public record CursorRowKeys(boolean locking, List<RowKey> keys) {

    public static final CursorRowKeys NONE = new CursorRowKeys(false, List.of());

    public CursorRowKeys {
        keys = List.copyOf(keys);
    }

    /** Table {@code table} (id {@code tableId}): each row's key is in column {@code column} of the cursor's rows. */
    public record RowKey(String table, long tableId, int column) {
    }
}
