package io.heliosdb.sql.ast;

/**
 * A column of {@code CREATE TABLE}.
 *
 * @param defaultExpr the DEFAULT expression, or {@code null}
 * @param defaultText the DEFAULT expression's SQL text as written, or {@code null}
 * @param identity    SERIAL or GENERATED ... AS IDENTITY, or {@code null}
 */
public record ColumnSpec(String name, TypeName type, boolean primaryKey, boolean notNull, Expr defaultExpr,
                         String defaultText, Identity identity) {

    public ColumnSpec(String name, TypeName type, boolean primaryKey, boolean notNull, Expr defaultExpr,
                      String defaultText) {
        this(name, type, primaryKey, notNull, defaultExpr, defaultText, null);
    }

    /** A column whose values come from an owned sequence. */
    public enum IdentityKind { SERIAL, ALWAYS, BY_DEFAULT }

    public record Identity(IdentityKind kind, SequenceOptions options) {
    }
}
