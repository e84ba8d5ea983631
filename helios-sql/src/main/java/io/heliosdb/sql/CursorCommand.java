package io.heliosdb.sql;

/**
 * A planned cursor statement, which the kernel's session runs itself.
 *
 * @param kind  what to do
 * @param name  the cursor, or {@code null} for CLOSE ALL
 * @param hold  DECLARE ... WITH HOLD: the cursor outlives its transaction
 * @param count rows to FETCH or MOVE ({@link Long#MAX_VALUE} for ALL)
 * @param query for DECLARE, the query whose rows the cursor returns
 */
public record CursorCommand(Kind kind, String name, boolean hold, long count, StatementPlan query) {

    public enum Kind { DECLARE, FETCH, MOVE, CLOSE }
}
