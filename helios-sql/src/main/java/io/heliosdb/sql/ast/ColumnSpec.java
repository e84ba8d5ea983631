package io.heliosdb.sql.ast;

/**
 * A column of {@code CREATE TABLE}.
 *
 * @param defaultExpr the DEFAULT expression, or {@code null}
 * @param defaultText the DEFAULT expression's SQL text as written, or {@code null}
 */
public record ColumnSpec(String name, TypeName type, boolean primaryKey, boolean notNull, Expr defaultExpr,
                         String defaultText) {
}
