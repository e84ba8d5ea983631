package io.heliosdb.sql.ast;

import java.util.List;

/** {@code TRUNCATE [TABLE] a, b [RESTART IDENTITY]}: removes every row of the tables. */
public record Truncate(List<TableName> tables, boolean restartIdentity) implements Statement {

    public Truncate(List<TableName> tables) {
        this(tables, false);
    }
}
