package io.heliosdb.sql.ast;

import io.heliosdb.sql.RowLockMode;
import io.heliosdb.sql.RowLockWait;
import java.util.List;

/** A query with locking clauses: {@code SELECT ... FOR UPDATE [OF t] [NOWAIT | SKIP LOCKED] ...}. */
public record LockingQuery(Query query, List<Clause> clauses) implements Statement {

    public LockingQuery {
        clauses = List.copyOf(clauses);
    }

    /** One {@code FOR ...} clause; {@code tables} empty means every table of the FROM clause. */
    public record Clause(RowLockMode mode, List<TableName> tables, RowLockWait waitPolicy, int position) {
        public Clause {
            tables = List.copyOf(tables);
        }
    }
}
