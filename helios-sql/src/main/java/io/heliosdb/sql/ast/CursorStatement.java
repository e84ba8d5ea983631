package io.heliosdb.sql.ast;

import io.heliosdb.sql.CursorCommand;

/** DECLARE, FETCH/MOVE and CLOSE of a cursor, which the kernel's session runs itself. */
public sealed interface CursorStatement extends Statement {

    /** {@code DECLARE name [[NO] SCROLL] CURSOR [WITH HOLD] FOR query}; {@code scroll} null: both were written. */
    record Declare(String name, boolean hold, Query query, CursorCommand.Scroll scroll) implements CursorStatement {

        public Declare(String name, boolean hold, Query query) {
            this(name, hold, query, CursorCommand.Scroll.DEFAULT);
        }
    }

    /**
     * {@code FETCH|MOVE [direction] [count] [FROM|IN] name}; {@code count} is {@link Long#MAX_VALUE}
     * for ALL, or the signed row number for ABSOLUTE and RELATIVE.
     */
    record Fetch(String name, long count, boolean move, CursorCommand.Direction direction) implements CursorStatement {

        public Fetch(String name, long count, boolean move) {
            this(name, count, move, CursorCommand.Direction.FORWARD);
        }
    }

    /** {@code CLOSE name}, or {@code CLOSE ALL} when {@code name} is {@code null}. */
    record Close(String name) implements CursorStatement {
    }
}
