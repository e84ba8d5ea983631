package io.heliosdb.sql.ast;

/** One entry of a select or RETURNING list. */
public sealed interface SelectItem {

    /** {@code *} (qualifier null) or {@code t.*}. */
    record AllColumns(String qualifier, int position) implements SelectItem {
    }

    /** An expression with an optional alias. */
    record ExprItem(Expr expr, String alias) implements SelectItem {
    }
}
