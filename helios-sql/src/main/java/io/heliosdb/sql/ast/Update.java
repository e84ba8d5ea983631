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

    /**
     * {@code column = value}; value may be {@link Expr.DefaultValue}. {@code row} is non-null when the value is
     * one column of a multiple-column sub-SELECT source ({@code SET (a, b) = (SELECT x, y ...)}); value is then
     * that sub-SELECT.
     */
    public record Assignment(String column, Expr value, int position, RowSource row) {

        public Assignment(String column, Expr value, int position) {
            this(column, value, position, null);
        }
    }

    /**
     * Column {@code index} of a sub-SELECT assigned to {@code width} columns at once; the same {@code query}
     * instance is shared by the assignments of one {@code SET (...) = (SELECT ...)} item.
     */
    public record RowSource(Expr.Subquery query, int index, int width, int position) {
    }
}
