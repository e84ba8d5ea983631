package io.heliosdb.sql.ast;

/** An entry of a FROM clause. */
public sealed interface FromItem {

    /** A table. */
    record Table(TableName table) implements FromItem {
    }

    /** {@code (query) [AS] alias [(column, ...)]}; columnAliases may be shorter than the query's columns. */
    record Derived(Query query, String alias, java.util.List<String> columnAliases) implements FromItem {
    }

    /**
     * {@code left [NATURAL] [INNER|LEFT|RIGHT|FULL|CROSS] JOIN right [ON condition | USING (columns)]}:
     * condition is null for CROSS and USING; {@code using} is null unless USING or NATURAL (then empty).
     */
    record Join(FromItem left, FromItem right, JoinKind kind, Expr condition, java.util.List<String> using)
            implements FromItem {
    }

    enum JoinKind { INNER, LEFT, RIGHT, FULL }
}
