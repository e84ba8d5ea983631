package io.heliosdb.sql.ast;

import java.util.List;

/**
 * A query with locking clauses used where a query is expected: a subquery in FROM or a WITH query
 * ({@code WITH c AS (SELECT ... FOR UPDATE SKIP LOCKED) UPDATE ...}); the rows it returns are locked.
 * Its ORDER BY and LIMIT are those of the query inside.
 */
public record LockedQuery(LockingQuery locking) implements Query {

    @Override
    public List<Select.OrderItem> orderBy() {
        return locking.query().orderBy();
    }

    @Override
    public Expr limit() {
        return locking.query().limit();
    }

    @Override
    public Expr offset() {
        return locking.query().offset();
    }
}
