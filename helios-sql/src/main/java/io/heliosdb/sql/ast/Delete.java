package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code DELETE FROM t [USING items] [WHERE ...] [RETURNING ...]}; {@code where} may be null,
 * {@code using} is empty without USING.
 */
public record Delete(TableName table, Expr where, List<SelectItem> returning, List<FromItem> using)
        implements Statement {

    public Delete {
        using = List.copyOf(using);
    }

    public Delete(TableName table, Expr where, List<SelectItem> returning) {
        this(table, where, returning, List.of());
    }
}
