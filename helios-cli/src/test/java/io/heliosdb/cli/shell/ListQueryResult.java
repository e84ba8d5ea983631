package io.heliosdb.cli.shell;

import io.heliosdb.api.Column;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import java.util.List;

/** A result over fixed rows, so shell printing is tested without the SQL engine. */
final class ListQueryResult implements QueryResult {
    private final List<Column> columns;
    private final List<Object[]> rows;
    private final String tag;
    private int index = -1;
    boolean closed;

    ListQueryResult(List<Column> columns, List<Object[]> rows, String tag) {
        this.columns = columns;
        this.rows = rows;
        this.tag = tag;
    }

    static ListQueryResult command(String tag) {
        return new ListQueryResult(List.of(), List.of(), tag);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (index + 1 >= rows.size()) {
            index = rows.size();
            return false;
        }
        index++;
        return true;
    }

    @Override
    public Row row() {
        return new Row(columns, rows.get(index));
    }

    @Override
    public long rowCount() {
        return columns.isEmpty() ? 0 : Math.max(0, Math.min(index, rows.size()));
    }

    @Override
    public String commandTag() {
        return tag;
    }

    @Override
    public void close() {
        closed = true;
    }
}
