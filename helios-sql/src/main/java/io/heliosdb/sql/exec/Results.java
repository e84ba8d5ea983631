package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.sql.StatementResult;
import java.util.List;

/** The result shapes: a streamed query, a list of rows with a tag, and a bare command tag. */
final class Results {

    private Results() {
    }

    /** Rows pulled from a running plan as the caller advances; the tag counts rows returned so far. */
    static StatementResult streaming(List<Column> columns, RowSource source) {
        return new StatementResult() {
            private long count;
            private boolean done;

            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public boolean next() {
                if (done) {
                    return false;
                }
                if (PipelineGuard.guard(source::next)) {
                    count++;
                    return true;
                }
                close();
                return false;
            }

            @Override
            public Object[] row() {
                return source.row();
            }

            @Override
            public long rowCount() {
                return count;
            }

            @Override
            public String commandTag() {
                return "SELECT " + count;
            }

            @Override
            public void close() {
                if (!done) {
                    done = true;
                    source.close();
                }
            }
        };
    }

    /** Rows already computed (RETURNING, SHOW) under a fixed tag. */
    static StatementResult rows(List<Column> columns, List<Object[]> rows, long rowCount, String tag) {
        RowSource source = Sources.of(rows);
        return new StatementResult() {
            @Override
            public List<Column> columns() {
                return columns;
            }

            @Override
            public boolean next() {
                return !columns.isEmpty() && source.next();
            }

            @Override
            public Object[] row() {
                return source.row();
            }

            @Override
            public long rowCount() {
                return rowCount;
            }

            @Override
            public String commandTag() {
                return tag;
            }

            @Override
            public void close() {
            }
        };
    }

    static StatementResult command(String tag, long rowCount) {
        return rows(List.of(), List.of(), rowCount, tag);
    }
}
