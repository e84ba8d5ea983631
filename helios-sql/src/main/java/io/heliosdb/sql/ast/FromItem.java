package io.heliosdb.sql.ast;

/** An entry of a FROM clause. */
public sealed interface FromItem {

    /** A table. */
    record Table(TableName table) implements FromItem {
    }

    /** {@code left [INNER|LEFT|CROSS] JOIN right [ON condition]}; condition is null for CROSS. */
    record Join(FromItem left, FromItem right, boolean leftOuter, Expr condition) implements FromItem {
    }
}
