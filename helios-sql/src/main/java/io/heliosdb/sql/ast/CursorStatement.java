package io.heliosdb.sql.ast;

/** DECLARE, FETCH/MOVE and CLOSE of a cursor, which the kernel's session runs itself. */
public sealed interface CursorStatement extends Statement {

    /** {@code DECLARE name [options] CURSOR [WITH HOLD] FOR query}. */
    record Declare(String name, boolean hold, Query query) implements CursorStatement {
    }

    /**
     * {@code FETCH|MOVE [direction] [count] [FROM|IN] name}; {@code count} is {@link Long#MAX_VALUE}
     * for ALL.
     */
    record Fetch(String name, long count, boolean move) implements CursorStatement {
    }

    /** {@code CLOSE name}, or {@code CLOSE ALL} when {@code name} is {@code null}. */
    record Close(String name) implements CursorStatement {
    }
}
