package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.CopyCommand;
import io.heliosdb.sql.CopyRowReader;
import io.heliosdb.sql.CopyRowWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;

/** The row loops of COPY FROM STDIN and COPY TO STDOUT; the session supplies the transaction around them. */
final class CopyRows {

    private CopyRows() {
    }

    /** One COPY FROM loop: feeds the rows in batches to {@code writeBatch}, which answers each row's count. */
    @FunctionalInterface
    interface InLoop {
        long run(CopyCommand copy, Function<List<Object[]>, long[]> writeBatch);
    }

    /** One COPY TO loop: writes the rows of {@code rows}, calling {@code checkCancelled} as it goes. */
    @FunctionalInterface
    interface OutLoop {
        long run(CopyCommand copy, QueryResult rows, Runnable checkCancelled);
    }

    /** What a COPY statement moves, for {@link KernelPreparedQuery#copy()}; null for any other statement. */
    static io.heliosdb.api.CopyDescription describe(io.heliosdb.sql.StatementPlan plan) {
        CopyCommand copy = plan.copyCommand();
        return copy == null ? null : new io.heliosdb.api.CopyDescription(copy.from(), copy.columns().size(),
                copy.format().binary(), copy.columns().stream().map(Column::type).toList());
    }

    /**
     * Hands every row of already decoded values to {@code writeBatch} (the binary format, decoded by a
     * transport); the first bad row fails the copy, with its number as PostgreSQL's "line".
     */
    static long copyInValues(CopyCommand copy, Iterator<Object[]> source, Function<List<Object[]>, long[]> writeBatch) {
        List<Column> columns = copy.columns();
        CopyInBatch batch = new CopyInBatch(writeBatch, (e, values, at) -> e.withContext(where(copy, at, null, null)));
        long line = 0;
        while (true) {
            Object[] values;
            line++;   // the source reads the row in hasNext, so errors there belong to the next line
            try {
                if (!source.hasNext()) {
                    return batch.flush();
                }
                values = source.next();
            } catch (UncheckedIOException e) {
                batch.flush();
                throw new HeliosException(SqlState.QUERY_CANCELED, "COPY from stdin failed: "
                        + e.getCause().getMessage(), e);
            } catch (HeliosException e) {
                batch.flush();
                throw e.withContext(where(copy, line, null, null));
            }
            if (values.length != columns.size()) {
                batch.flush();
                throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "row field count is " + values.length
                        + ", expected " + columns.size()).withContext(where(copy, line, null, null));
            }
            batch.add(values, line);
        }
    }

    /** Reads every row and hands its text values to {@code writeBatch}; the first bad row fails the copy. */
    static long copyIn(CopyCommand copy, Reader data, Function<List<Object[]>, long[]> writeBatch) {
        CopyRowReader reader = new CopyRowReader(data, copy.format());
        List<Column> columns = copy.columns();
        CopyInBatch batch = new CopyInBatch(writeBatch, (e, row, line) -> {
            String[] values = (String[]) row;
            Integer column = failedColumn(e, values);
            String where = where(copy, line, columns, column);
            return e.withContext(column == null ? where : where + ": \"" + values[column] + "\"");
        });
        while (true) {
            String[] values;
            try {
                values = reader.next();
            } catch (UncheckedIOException e) {
                batch.flush();
                throw new HeliosException(SqlState.QUERY_CANCELED, "COPY from stdin failed: "
                        + e.getCause().getMessage(), e);
            } catch (HeliosException e) {
                batch.flush();
                throw e.withContext(where(copy, reader.line(), null, null));
            }
            if (values == null) {
                return batch.flush();
            }
            if (values.length < columns.size()) {
                batch.flush();
                throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "missing data for column \""
                        + columns.get(values.length).name() + "\"")
                        .withContext(where(copy, reader.line(), null, null));
            }
            if (values.length > columns.size()) {
                batch.flush();
                throw new HeliosException(SqlState.BAD_COPY_FILE_FORMAT, "extra data after last expected column")
                        .withContext(where(copy, reader.line(), null, null));
            }
            batch.add(values, reader.line());
        }
    }

    /** Writes the header (when asked) and every row, one {@code write} per line. */
    static long copyOut(CopyCommand copy, QueryResult rows, Writer out, Runnable checkCancelled) {
        CopyRowWriter writer = new CopyRowWriter(copy.format());
        List<Column> columns = rows.columns();
        try {
            if (copy.format().header()) {
                out.write(writer.line(columns.stream().map(Column::name).toArray(String[]::new), true));
            }
            String[] values = new String[columns.size()];
            long count = 0;
            while (rows.next()) {
                checkCancelled.run();
                Row row = rows.row();
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.isNull(i) ? null : row.getText(i);
                }
                out.write(writer.line(values, false));
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands every row to {@code sink} (a transport writing the binary format itself). */
    static long copyOutRows(QueryResult rows, Consumer<Row> sink, Runnable checkCancelled) {
        long count = 0;
        while (rows.next()) {
            checkCancelled.run();
            sink.accept(rows.row());
            count++;
        }
        return count;
    }

    /** The value a conversion error quotes tells which column it came from, as PostgreSQL's CONTEXT names it. */
    private static Integer failedColumn(HeliosException e, String[] values) {
        if (e.sqlState() != SqlState.INVALID_TEXT_REPRESENTATION && e.sqlState() != SqlState.NUMERIC_VALUE_OUT_OF_RANGE
                && e.sqlState() != SqlState.STRING_DATA_RIGHT_TRUNCATION) {
            return null;
        }
        String message = String.valueOf(e.getMessage());
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && message.contains("\"" + values[i] + "\"")) {
                return i;
            }
        }
        return null;
    }

    private static String where(CopyCommand copy, long line, List<Column> columns, Integer column) {
        String where = "COPY " + copy.relation() + ", line " + line;
        return column == null ? where : where + ", column " + columns.get(column).name();
    }
}
