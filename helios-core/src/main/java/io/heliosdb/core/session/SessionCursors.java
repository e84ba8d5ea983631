package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.CursorCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's open cursors (DECLARE ... CURSOR). A cursor's rows are read when it is declared, so it
 * sees the snapshot of that moment and can outlive its transaction WITH HOLD, whatever runs between
 * fetches; the cost is that its result is held in memory.
 */
final class SessionCursors {

    private record Cursor(List<Column> columns, List<Object[]> rows, boolean hold, int[] position) {
    }

    private final Map<String, Cursor> open = new HashMap<>();

    /** Reads the query's rows into a new cursor; {@code result} is closed. */
    QueryResult declare(CursorCommand command, boolean inTransactionBlock, QueryResult result) {
        try (result) {
            if (open.containsKey(command.name())) {
                throw new HeliosException(SqlState.DUPLICATE_CURSOR, "cursor \"" + command.name() + "\" already exists");
            }
            if (!command.hold() && !inTransactionBlock) {
                throw new HeliosException(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                        "DECLARE CURSOR can only be used in transaction blocks");
            }
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.row().values().clone());
            }
            open.put(command.name(), new Cursor(List.copyOf(result.columns()), rows, command.hold(), new int[1]));
        }
        return BufferedResult.tag("DECLARE CURSOR");
    }

    QueryResult fetchOrMove(CursorCommand command) {
        Cursor cursor = open.get(command.name());
        if (cursor == null) {
            throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + command.name() + "\" does not exist");
        }
        int from = cursor.position()[0];
        int to = (int) Math.min(cursor.rows().size(), from + Math.min(command.count(), Integer.MAX_VALUE));
        cursor.position()[0] = to;
        if (command.kind() == CursorCommand.Kind.MOVE) {
            return BufferedResult.tag("MOVE " + (to - from));
        }
        List<Object[]> rows = new ArrayList<>(cursor.rows().subList(from, to));
        return BufferedResult.of(cursor.columns(), rows, "FETCH " + rows.size());
    }

    QueryResult close(CursorCommand command) {
        if (command.name() == null) {
            open.clear();
        } else if (open.remove(command.name()) == null) {
            throw new HeliosException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + command.name() + "\" does not exist");
        }
        return BufferedResult.tag("CLOSE CURSOR");
    }

    /** At the end of a transaction block: cursors without HOLD end with it. */
    void transactionEnded() {
        open.values().removeIf(cursor -> !cursor.hold());
    }
}
