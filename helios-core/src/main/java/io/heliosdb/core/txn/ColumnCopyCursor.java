package io.heliosdb.core.txn;

import io.heliosdb.sql.ColumnBatchCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Column batches read from a table's decoded copy ({@link TableColumnCopies.Copy}) over rows {@code [from, to)}:
 * each batch copies its slice of the read columns into this cursor's own arrays (a batch filter rearranges
 * them in place), so the copy itself is never written. Splits by row positions.
 */
final class ColumnCopyCursor implements ColumnBatchCursor {
    static final int BATCH = 4096;
    /**
     * Rows a copy's scan must still have ahead before it splits: reading arrays costs a few ns a row, so below
     * this a worker's start (and, on a busy machine, a worker not yet running its part) costs more than it saves.
     */
    static final int SPLIT_MIN_ROWS = 1 << 22;

    private final TableColumnCopies.Copy copy;
    private final boolean[] columns;
    private final long[][] longs;
    private final boolean[][] nulls;
    private final LongConsumer rowsRead;
    private int position;
    private int end;
    private int size;
    /** Whether the current batch has a null in each column. */
    private final boolean[] hasNulls;
    /** The rows the parts split off read, told to {@link #rowsRead} at close (on this cursor's thread). */
    private LongAdder partRows;

    ColumnCopyCursor(TableColumnCopies.Copy copy, boolean[] columns, int from, int to, LongConsumer rowsRead) {
        this.copy = copy;
        this.columns = columns;
        this.position = from;
        this.end = to;
        this.rowsRead = rowsRead;
        int width = copy.types().length;
        this.longs = new long[width][];
        this.nulls = new boolean[width][];
        this.hasNulls = new boolean[width];
        for (int c = 0; c < Math.min(width, columns.length); c++) {
            if (columns[c]) {
                longs[c] = new long[BATCH];
                nulls[c] = new boolean[BATCH];
            }
        }
    }

    /** Whether a column of {@code type} is kept in copies: the integer types, decoded into longs. */
    static boolean copied(io.heliosdb.api.SqlType type) {
        return type == io.heliosdb.api.SqlType.SMALLINT || type == io.heliosdb.api.SqlType.INTEGER
                || type == io.heliosdb.api.SqlType.BIGINT;
    }

    @Override
    public boolean nextBatch() {
        int n = Math.min(BATCH, end - position);
        size = Math.max(n, 0);
        if (n <= 0) {
            return false;
        }
        for (int c = 0; c < longs.length; c++) {
            if (longs[c] == null) {
                continue;
            }
            System.arraycopy(copy.longs()[c], position, longs[c], 0, n);
            boolean[] stored = copy.nulls()[c];
            hasNulls[c] = stored != null;
            if (stored != null) {
                System.arraycopy(stored, position, nulls[c], 0, n);
            }
        }
        position += n;
        rowsRead.accept(n);
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long[] longs(int column) {
        return longs[column];
    }

    @Override
    public Object[] values(int column) {
        return null;
    }

    @Override
    public boolean[] nulls(int column) {
        return hasNulls[column] ? nulls[column] : null;
    }

    /**
     * After a full batch, with at least {@link #SPLIT_MIN_ROWS} rows ahead: the rest of the rows in up to
     * {@code parts} position ranges, this cursor keeping the first.
     */
    @Override
    public List<ColumnBatchCursor> split(int parts) {
        int rest = end - position;
        if (partRows != null || size < BATCH || parts < 2 || rest < SPLIT_MIN_ROWS) {
            return List.of();
        }
        int count = Math.min(parts, rest / BATCH);
        LongAdder counted = new LongAdder();
        List<ColumnBatchCursor> out = new ArrayList<>(count - 1);
        int mine = position + rest / count;
        for (int i = 1; i < count; i++) {
            int from = position + (int) ((long) rest * i / count);
            int to = i + 1 < count ? position + (int) ((long) rest * (i + 1) / count) : end;
            out.add(new ColumnCopyCursor(copy, columns, from, to, counted::add));
        }
        end = mine;
        partRows = counted;
        return out;
    }

    @Override
    public void close() {
        if (partRows != null) {
            rowsRead.accept(partRows.sum());
            partRows = null;
        }
    }
}
