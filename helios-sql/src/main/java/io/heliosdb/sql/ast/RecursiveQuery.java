package io.heliosdb.sql.ast;

import java.util.List;

/**
 * A WITH RECURSIVE query that reads itself: {@code anchor UNION [ALL] recursive}, where the recursive
 * term reads the previous round's rows as {@link FromItem.WorkTable} {@code name}; {@code columns} are
 * the names written after the query's name (empty: the anchor's).
 */
public record RecursiveQuery(String name, List<String> columns, Query anchor, Query recursive, boolean all)
        implements Query {

    @Override
    public List<Select.OrderItem> orderBy() {
        return List.of();
    }

    @Override
    public Expr limit() {
        return null;
    }

    @Override
    public Expr offset() {
        return null;
    }
}
