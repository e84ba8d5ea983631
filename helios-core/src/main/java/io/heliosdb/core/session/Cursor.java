package io.heliosdb.core.session;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.CursorCommand.Direction;
import java.util.ArrayList;
import java.util.List;

/**
 * One open cursor and its position, moved as PostgreSQL moves a portal (pquery.c's DoPortalRunFetch):
 * the same positions after the end and before the start, the same row counts for FETCH and MOVE, and
 * "cursor can only scan forward" (55000) when a cursor that cannot scroll would go back.
 */
final class Cursor implements AutoCloseable {
    private static final long ALL = Long.MAX_VALUE;

    final List<Column> columns;
    final boolean hold;
    /** Created by the transaction still open (a WITH HOLD cursor is kept only if that transaction commits). */
    boolean createdInOpenTransaction;
    private final boolean scroll;
    private final CursorRows rows;
    /** The executor's place: 0 before the first row, k on row k, and one past the last row at the end. */
    private long current;
    private boolean atStart = true;
    private boolean atEnd;
    private long portalPos;
    /** Where the rows carry their tables' row keys, after the columns FETCH returns (WHERE CURRENT OF). */
    final io.heliosdb.sql.CursorRowKeys rowKeys;
    /** The row the executor is on (with its hidden key columns), null before the first and after the last. */
    private Object[] currentRow;

    Cursor(List<Column> columns, CursorRows rows, boolean scroll, boolean hold) {
        this(columns, rows, scroll, hold, io.heliosdb.sql.CursorRowKeys.NONE);
    }

    /** {@code columns}: those of the query's rows, the hidden row key columns last. */
    Cursor(List<Column> columns, CursorRows rows, boolean scroll, boolean hold, io.heliosdb.sql.CursorRowKeys rowKeys) {
        this.columns = List.copyOf(columns.subList(0, columns.size() - rowKeys.keys().size()));
        this.rows = rows;
        this.scroll = scroll;
        this.hold = hold;
        this.rowKeys = rowKeys;
    }

    /** The row FETCH last stopped on, hidden key columns included; null when the cursor is not on a row. */
    Object[] currentRow() {
        return atStart || atEnd ? null : currentRow;
    }

    /** FETCH (rows into {@code out}) or MOVE ({@code out} null); answers the row count of the tag. */
    long fetch(Direction direction, long count, List<Object[]> out) {
        switch (direction) {
            case FORWARD, BACKWARD -> {
                boolean forward = direction == Direction.FORWARD;
                if (count < 0) {
                    forward = !forward;
                    count = -count;
                }
                return run(forward, count, out);
            }
            case ABSOLUTE -> {
                if (count > 0) {
                    if (count - 1 <= portalPos / 2) {
                        rewind();
                        if (count > 1) {
                            select(true, count - 1, null);
                        }
                    } else {
                        long pos = portalPos + (atEnd ? 1 : 0);
                        if (count <= pos) {
                            select(false, pos - count + 1, null);
                        } else if (count > pos + 1) {
                            select(true, count - pos - 1, null);
                        }
                    }
                    return select(true, 1, out);
                }
                if (count < 0) {
                    select(true, ALL, null);
                    if (count < -1) {
                        select(false, -count - 1, null);
                    }
                    return select(false, 1, out);
                }
                rewind();
                return select(true, 0, out);
            }
            default -> {
                if (count > 0) {
                    if (count > 1) {
                        select(true, count - 1, null);
                    }
                    return select(true, 1, out);
                }
                if (count < 0) {
                    if (count < -1) {
                        select(false, -count - 1, null);
                    }
                    return select(false, 1, out);
                }
                return run(true, 0, out);
            }
        }
    }

    /** FORWARD/BACKWARD {@code count} (0 re-fetches the current row). */
    private long run(boolean forward, long count, List<Object[]> out) {
        if (count == 0) {
            boolean onRow = !atStart && !atEnd;
            if (out == null) {
                return onRow ? 1 : 0;
            }
            if (onRow) {
                select(false, 1, null);
                count = 1;
                forward = true;
            }
        }
        if (!forward && count == ALL && out == null) {
            long result = portalPos;
            if (result > 0 && !atEnd) {
                result--;
            }
            rewind();
            return result;
        }
        return select(forward, count, out);
    }

    /** PortalRunSelect: up to {@code count} rows ({@link #ALL}: every one) in one direction. */
    private long select(boolean forward, long count, List<Object[]> out) {
        if (forward) {
            if (atEnd || count <= 0) {
                return 0;
            }
            long done = step(true, count, out);
            if (done > 0) {
                atStart = false;
            }
            if (count == ALL || done < count) {
                atEnd = true;
            }
            portalPos += done;
            return done;
        }
        requireScroll();
        if (atStart || count <= 0) {
            return 0;
        }
        long done = step(false, count, out);
        if (done > 0 && atEnd) {
            atEnd = false;
            portalPos++;
        }
        if (count == ALL || done < count) {
            atStart = true;
            portalPos = 0;
        } else {
            portalPos -= done;
        }
        return done;
    }

    /** Moves the executor's place row by row, collecting the rows passed over when {@code out} is given. */
    private long step(boolean forward, long count, List<Object[]> out) {
        long done = 0;
        while (done < count) {
            if (forward) {
                Object[] row = rows.row(current + 1);
                if (row == null) {
                    current++;   // one past the last row
                    currentRow = null;
                    break;
                }
                current++;
                currentRow = row;
                collect(out, row);
            } else {
                if (current <= 1) {
                    current = 0;
                    currentRow = null;
                    break;
                }
                current--;
                currentRow = rows.row(current);
                collect(out, currentRow);
            }
            done++;
        }
        return done;
    }

    private void collect(List<Object[]> out, Object[] row) {
        if (out != null) {
            out.add(row.length == columns.size() ? row : java.util.Arrays.copyOf(row, columns.size()));
        }
    }

    private void rewind() {
        if (atStart && !atEnd) {
            return;
        }
        requireScroll();
        atStart = true;
        atEnd = false;
        portalPos = 0;
        current = 0;
        currentRow = null;
    }

    private void requireScroll() {
        if (!scroll) {
            throw new HeliosException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward", null,
                    "Declare it with SCROLL option to enable backward scan.", 0, null);
        }
    }

    /** A WITH HOLD cursor at the commit of its transaction: its rows move into memory. */
    void materialize() {
        rows.materialize();
    }

    /** A fresh list for FETCH's rows. */
    static List<Object[]> rowList() {
        return new ArrayList<>();
    }

    @Override
    public void close() {
        rows.close();
    }
}
