package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.CursorCommand;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A session's open cursors (DECLARE ... CURSOR). A cursor streams its rows from the plan as FETCH asks
 * for them, reading the transaction's data as of DECLARE; a SCROLL cursor keeps the rows it has read.
 * As in PostgreSQL, a cursor WITH HOLD is read into memory when its transaction commits (or at once,
 * outside a transaction block) and dropped if that transaction rolls back; the others end with it.
 */
final class SessionCursors {

    private final Map<String, Cursor> open = new HashMap<>();

    /** Opens the cursor on the rows {@code query} starts (run only once the statement is known to be valid). */
    QueryResult declare(CursorCommand command, boolean inTransactionBlock, Supplier<QueryResult> query) {
        if (open.containsKey(command.name())) {
            throw new HeliosException(SqlState.DUPLICATE_CURSOR, "cursor \"" + command.name() + "\" already exists");
        }
        if (!command.hold() && !inTransactionBlock) {
            throw new HeliosException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "DECLARE CURSOR can only be used in transaction blocks");
        }
        QueryResult result = query.get();
        // Neither SCROLL nor NO SCROLL, on a plan that could go back but streams its rows: it may go back
        // when its rows are read into memory at once (WITH HOLD outside a transaction block).
        boolean scroll = command.scroll() == CursorCommand.Scroll.SCROLL
                || command.scroll() == CursorCommand.Scroll.DEFAULT && !inTransactionBlock;
        CursorRows rows;
        try {
            rows = new CursorRows(result, scroll, command.query().readOnly()); // a locking plan is not read-only
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        Cursor cursor = new Cursor(result.columns(), rows, scroll, command.hold(), command.rowKeys());
        if (!inTransactionBlock) {
            cursor.materialize();
        }
        cursor.createdInOpenTransaction = inTransactionBlock;
        open.put(command.name(), cursor);
        return BufferedResult.tag("DECLARE CURSOR");
    }

    /**
     * WHERE CURRENT OF {@code name} on {@code table}: the key of the table's row the cursor is on, null when it
     * has none (a row left out); PostgreSQL's errors (execCurrent.c) otherwise, in its order.
     */
    byte[] currentRowKey(String name, io.heliosdb.sql.schema.TableDef table) {
        Cursor cursor = open.get(name);
        if (cursor == null) {
            throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + name + "\" does not exist");
        }
        if (cursor.hold && !cursor.createdInOpenTransaction) {
            throw invalidState("cursor \"" + name + "\" is held from a previous transaction");
        }
        String tableName = io.heliosdb.sql.schema.QualifiedNames.localName(table.name());
        io.heliosdb.sql.CursorRowKeys.RowKey key = null;
        for (io.heliosdb.sql.CursorRowKeys.RowKey k : cursor.rowKeys.keys()) {
            if (k.tableId() == table.id()) {
                if (key != null) {
                    throw invalidState("cursor \"" + name + "\" has multiple FOR UPDATE/SHARE references to table \""
                            + tableName + "\"");
                }
                key = k;
            }
        }
        if (key == null) {
            throw invalidState(cursor.rowKeys.locking()
                    ? "cursor \"" + name + "\" does not have a FOR UPDATE/SHARE reference to table \"" + tableName + "\""
                    : "cursor \"" + name + "\" is not a simply updatable scan of table \"" + tableName + "\"");
        }
        Object[] row = cursor.currentRow();
        if (row == null) {
            throw invalidState("cursor \"" + name + "\" is not positioned on a row");
        }
        return (byte[]) row[key.column()];
    }

    /**
     * An UPDATE moved a row of {@code table} from key {@code from} to {@code to} (its primary key changed): a
     * cursor on that row follows it, so a later WHERE CURRENT OF reaches the row again, as PostgreSQL follows
     * the updated row's version chain.
     */
    void rowKeyChanged(io.heliosdb.sql.schema.TableDef table, byte[] from, byte[] to) {
        for (Cursor cursor : open.values()) {
            Object[] row = cursor.currentRow();
            if (row == null) {
                continue;
            }
            for (io.heliosdb.sql.CursorRowKeys.RowKey k : cursor.rowKeys.keys()) {
                if (k.tableId() == table.id() && row[k.column()] instanceof byte[] key && java.util.Arrays.equals(key, from)) {
                    row[k.column()] = to;
                }
            }
        }
    }

    /** Whether any cursor is open (else no row key needs following). */
    boolean isEmpty() {
        return open.isEmpty();
    }

    private static HeliosException invalidState(String message) {
        return new HeliosException(SqlState.INVALID_CURSOR_STATE, message);
    }

    /** The columns of the open cursor {@code name}; none when there is no such cursor. */
    List<io.heliosdb.api.Column> columns(String name) {
        Cursor cursor = open.get(name);
        return cursor == null ? List.of() : cursor.columns;
    }

    QueryResult fetchOrMove(CursorCommand command) {
        Cursor cursor = open.get(command.name());
        if (cursor == null) {
            throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + command.name() + "\" does not exist");
        }
        if (command.kind() == CursorCommand.Kind.MOVE) {
            return BufferedResult.tag("MOVE " + cursor.fetch(command.direction(), command.count(), null));
        }
        List<Object[]> rows = Cursor.rowList();
        cursor.fetch(command.direction(), command.count(), rows);
        return BufferedResult.of(cursor.columns, rows, "FETCH " + rows.size());
    }

    QueryResult close(CursorCommand command) {
        if (command.name() == null) {
            closeAll();
            return BufferedResult.tag("CLOSE CURSOR ALL");
        } else {
            Cursor cursor = open.remove(command.name());
            if (cursor == null) {
                throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + command.name()
                        + "\" does not exist");
            }
            cursor.close();
        }
        return BufferedResult.tag("CLOSE CURSOR");
    }

    /**
     * At the end of a transaction block, before it commits or rolls back: cursors without HOLD end;
     * WITH HOLD cursors it created are read into memory if it commits, dropped if not.
     */
    void transactionEnded(boolean committed) {
        open.values().removeIf(cursor -> {
            boolean keep = cursor.hold && (committed || !cursor.createdInOpenTransaction);
            if (keep && cursor.createdInOpenTransaction) {
                try {
                    cursor.materialize();
                } catch (RuntimeException e) {
                    keep = false;
                }
                cursor.createdInOpenTransaction = false;
            }
            if (!keep) {
                cursor.close();
            }
            return !keep;
        });
    }

    /** The session ends: every cursor lets go of its plan. */
    void closeAll() {
        open.values().forEach(Cursor::close);
        open.clear();
    }
}
