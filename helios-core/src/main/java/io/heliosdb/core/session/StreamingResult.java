package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.core.txn.StatementReads;
import io.heliosdb.sql.StatementResult;
import java.util.List;
import java.util.function.Function;

/**
 * The rows of a read-only statement, pulled from the plan as the caller asks. Closing it (or
 * reading past the end) releases the statement's read view.
 */
final class StreamingResult implements QueryResult {
    private final StatementResult result;
    private final StatementReads reads;
    private final Function<RuntimeException, HeliosException> onError;
    private final List<Column> columns;
    private final Release onRelease;
    private Row current;
    private boolean closed;
    private boolean failed;

    /** What runs once the view is released: {@code failed} when reading a row failed. */
    @FunctionalInterface
    interface Release {
        void released(boolean failed);
    }

    StreamingResult(StatementResult result, StatementReads reads,
                    Function<RuntimeException, HeliosException> onError, Release onRelease) {
        this.onRelease = onRelease;
        this.result = result;
        this.reads = reads;
        this.onError = onError;
        this.columns = List.copyOf(result.columns());
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        if (closed) {
            current = null;
            return false;
        }
        try {
            if (result.next()) {
                current = new Row(columns, result.row().clone());
                return true;
            }
        } catch (RuntimeException e) {
            failed = true;
            close();
            throw onError.apply(e);
        }
        current = null;
        release();
        return false;
    }

    @Override
    public Row row() {
        return current;
    }

    @Override
    public long rowCount() {
        return result.rowCount();
    }

    @Override
    public String commandTag() {
        return result.commandTag();
    }

    boolean isClosed() {
        return closed;
    }

    /** Releases the view but keeps the row count and tag readable. */
    private void release() {
        if (!closed) {
            closed = true;
            try {
                result.close();
            } finally {
                try {
                    reads.close();
                } finally {
                    onRelease.released(failed);
                }
            }
        }
    }

    @Override
    public void close() {
        current = null;
        release();
    }
}
