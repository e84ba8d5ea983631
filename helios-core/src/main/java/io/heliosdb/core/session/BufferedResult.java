package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.sql.StatementResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A result read to its end before it is returned: the results of writing statements (which must
 * finish before their transaction commits) and of transaction control.
 */
final class BufferedResult implements QueryResult {
    private final List<Column> columns;
    private final Iterator<Object[]> rows;
    private final long rowCount;
    private final String commandTag;
    private Row current;

    private BufferedResult(List<Column> columns, List<Object[]> rows, long rowCount, String commandTag) {
        this.columns = columns;
        this.rows = rows.iterator();
        this.rowCount = rowCount;
        this.commandTag = commandTag;
    }

    /** A result with no rows and this command tag. */
    static BufferedResult tag(String commandTag) {
        return new BufferedResult(List.of(), List.of(), 0, commandTag);
    }

    /** A result of rows already read (a cursor's FETCH). */
    static BufferedResult of(List<Column> columns, List<Object[]> rows, String commandTag) {
        return new BufferedResult(columns, rows, rows.size(), commandTag);
    }

    /** Reads a statement result to its end and closes it. */
    static BufferedResult drain(StatementResult result) {
        try (result) {
            List<Object[]> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.row().clone());
            }
            return new BufferedResult(List.copyOf(result.columns()), rows, result.rowCount(), result.commandTag());
        }
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current = null;
            return false;
        }
        current = new Row(columns, rows.next());
        return true;
    }

    @Override
    public Row row() {
        return current;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String commandTag() {
        return commandTag;
    }

    @Override
    public void close() {
        current = null;
    }
}
