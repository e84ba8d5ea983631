package io.heliosdb.sql.ast;

import java.util.List;

/** {@code UPDATE t SET c = expr, ... [WHERE ...] [RETURNING ...]}; {@code where} may be null. */
public record Update(TableName table, List<Assignment> assignments, Expr where, List<SelectItem> returning)
        implements Statement {

    /** {@code column = value}; value may be {@link Expr.DefaultValue}. */
    public record Assignment(String column, Expr value, int position) {
    }
}
