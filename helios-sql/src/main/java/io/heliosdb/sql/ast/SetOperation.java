package io.heliosdb.sql.ast;

import java.util.List;

/** {@code left UNION|INTERSECT|EXCEPT [ALL] right}, then ORDER BY/LIMIT over the combined rows. */
public record SetOperation(SetOperator operator, boolean all, Query left, Query right, List<Select.OrderItem> orderBy,
                           Expr limit, Expr offset) implements Query {

    public enum SetOperator { UNION, INTERSECT, EXCEPT }
}
