package io.heliosdb.sql.ast;

import java.util.List;

/**
 * A reference to a data-modifying WITH query ({@link DataModifyingWith.Step}): the rows its RETURNING list
 * produced in this execution, found by {@code token}. {@code statement} is the step's statement (its
 * RETURNING list gives the columns); {@code position} is where the reference was written.
 */
public record ReturningRows(String name, Object token, Statement statement, int position) implements Query {

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
