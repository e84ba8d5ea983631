package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code UPDATE t SET c = expr, ... [FROM items] [WHERE ...] [RETURNING ...]}; {@code where} may be null,
 * {@code from} is empty without FROM.
 */
public record Update(TableName table, List<Assignment> assignments, Expr where, List<SelectItem> returning,
                     List<FromItem> from) implements Statement {

    public Update {
        from = List.copyOf(from);
    }

    public Update(TableName table, List<Assignment> assignments, Expr where, List<SelectItem> returning) {
        this(table, assignments, where, returning, List.of());
    }

    /** {@code column = value}; value may be {@link Expr.DefaultValue}. */
    public record Assignment(String column, Expr value, int position) {
    }
}
