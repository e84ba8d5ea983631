package io.heliosdb.wire;

import io.heliosdb.api.Column;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The rest of a suspended portal's rows, read out of the session so that the session can run another
 * statement: a kernel session keeps one result open at a time and closes it when the next statement
 * starts, while PostgreSQL lets a portal resume after other statements ran in the same transaction.
 * A failure met while reading ahead is reported when the client's Execute reaches it.
 */
final class DetachedResult implements QueryResult {
    private final List<Column> columns;
    private final ArrayDeque<Row> rows = new ArrayDeque<>();
    private final String tag;
    private final RuntimeException failure;
    private Row current;

    private DetachedResult(List<Column> columns, String tag, RuntimeException failure) {
        this.columns = columns;
        this.tag = tag;
        this.failure = failure;
    }

    /** Reads {@code open} to its end and closes it. */
    static DetachedResult drain(QueryResult open) {
        ArrayDeque<Row> rows = new ArrayDeque<>();
        RuntimeException failure = null;
        String tag = null;
        try (open) {
            while (open.next()) {
                rows.add(open.row());
            }
            tag = open.commandTag();
        } catch (RuntimeException e) {
            failure = e;
        }
        DetachedResult detached = new DetachedResult(open.columns(), tag, failure);
        detached.rows.addAll(rows);
        return detached;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        current = rows.poll();
        if (current == null && failure != null) {
            throw failure;
        }
        return current != null;
    }

    @Override
    public Row row() {
        return current;
    }

    @Override
    public long rowCount() {
        return rows.size();
    }

    @Override
    public String commandTag() {
        return tag;
    }

    @Override
    public void close() {
        rows.clear();
    }
}
