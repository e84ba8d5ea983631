package io.heliosdb.core.session;

import io.heliosdb.api.QueryResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor's rows by number (1-based), pulled from the plan as FETCH reaches them. A scrollable cursor
 * keeps the rows it has read so that it can go back; a forward-only one keeps none, and is asked only
 * for the row after the last one it gave. {@link #materialize()} reads the rest into memory, for a
 * cursor WITH HOLD that outlives its transaction.
 */
final class CursorRows implements AutoCloseable {
    private final boolean keep;
    private final List<Object[]> rows = new ArrayList<>();
    /** Rows before {@code rows.get(0)} that were given out and let go (forward-only cursors). */
    private long dropped;
    private QueryResult stream;
    private boolean materialized;

    /**
     * {@code readFirst}: read the first row now, which starts the plan's scans so they see the data as of
     * DECLARE; false for a cursor FOR UPDATE/SHARE, which locks a row only when FETCH reaches it (its
     * snapshot is taken at DECLARE all the same).
     */
    CursorRows(QueryResult stream, boolean keep, boolean readFirst) {
        this.stream = stream;
        this.keep = keep;
        if (readFirst) {
            pull();
        }
    }

    /** Row {@code number}, or null past the last row. */
    Object[] row(long number) {
        long index = number - dropped - 1;
        if (index < 0) {
            throw new IllegalStateException("a forward-only cursor was asked for row " + number);
        }
        while (index >= rows.size() && pull()) {
            // keep reading until the row is there or the plan has no more
        }
        if (index >= rows.size()) {
            return null;
        }
        Object[] row = rows.get((int) index);
        if (!keep && !materialized && index == 0) {
            rows.remove(0);  // a forward-only cursor never comes back to it
            dropped++;
        }
        return row;
    }

    /** Reads every remaining row into memory and lets go of the plan. */
    void materialize() {
        while (pull()) {
            // read to the end
        }
        materialized = true;
    }

    private boolean pull() {
        if (stream == null) {
            return false;
        }
        if (stream.next()) {
            rows.add(stream.row().values().clone());
            return true;
        }
        close();
        return false;
    }

    @Override
    public void close() {
        if (stream != null) {
            QueryResult s = stream;
            stream = null;
            s.close();
        }
    }
}
