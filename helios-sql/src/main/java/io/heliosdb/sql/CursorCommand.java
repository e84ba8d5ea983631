package io.heliosdb.sql;

/**
 * A planned cursor statement, which the kernel's session runs itself.
 *
 * @param kind      what to do
 * @param name      the cursor, or {@code null} for CLOSE ALL
 * @param hold      DECLARE ... WITH HOLD: the cursor outlives its transaction
 * @param count     for FETCH/MOVE, the row count ({@link Long#MAX_VALUE} for ALL) or, for ABSOLUTE and
 *                  RELATIVE, the signed row number
 * @param query     for DECLARE, the query whose rows the cursor returns
 * @param direction for FETCH/MOVE, how {@code count} moves the cursor
 * @param scroll    for DECLARE, whether the cursor may move backwards
 * @param rowKeys   for DECLARE, the hidden row key columns at the end of the query's rows (WHERE CURRENT OF)
 */
public record CursorCommand(Kind kind, String name, boolean hold, long count, StatementPlan query,
                            Direction direction, Scroll scroll, CursorRowKeys rowKeys) {

    public CursorCommand(Kind kind, String name, boolean hold, long count, StatementPlan query, Direction direction,
                         Scroll scroll) {
        this(kind, name, hold, count, query, direction, scroll, CursorRowKeys.NONE);
    }

    public enum Kind { DECLARE, FETCH, MOVE, CLOSE }

    /** PostgreSQL's fetch directions; NEXT, PRIOR, FIRST and LAST are FORWARD 1, BACKWARD 1, ABSOLUTE 1 and -1. */
    public enum Direction { FORWARD, BACKWARD, ABSOLUTE, RELATIVE }

    /**
     * SCROLL, NO SCROLL, or neither written. A planned DECLARE has DEFAULT only when its plan could go back
     * but streams its rows: the cursor may then go back once its rows are in memory (WITH HOLD).
     */
    public enum Scroll { DEFAULT, SCROLL, NO_SCROLL }

    public CursorCommand(Kind kind, String name, boolean hold, long count, StatementPlan query) {
        this(kind, name, hold, count, query, Direction.FORWARD, Scroll.DEFAULT);
    }
}
