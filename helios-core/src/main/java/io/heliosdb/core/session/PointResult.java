package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import java.util.List;

/** The zero or one row of a point read: complete when returned, so closing it releases nothing. */
final class PointResult implements QueryResult {
    private final List<Column> columns;
    private Row row;
    private Row current;
    private long returned;

    /** {@code values} null: no row. */
    PointResult(List<Column> columns, Object[] values) {
        this.columns = columns;
        this.row = values == null ? null : new Row(columns, values);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        current = row;
        row = null;
        if (current == null) {
            return false;
        }
        returned++;
        return true;
    }

    @Override
    public Row row() {
        return current;
    }

    /** As a streamed query's: the rows returned so far. */
    @Override
    public long rowCount() {
        return returned;
    }

    @Override
    public String commandTag() {
        return "SELECT " + rowCount();
    }

    @Override
    public void close() {
        row = null;
        current = null;
    }
}
