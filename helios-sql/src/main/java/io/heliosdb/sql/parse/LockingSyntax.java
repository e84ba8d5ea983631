package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.RowLockMode;
import io.heliosdb.sql.RowLockWait;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.LockingQuery;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.FetchClauseContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.LimitClauseContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.LockingClauseContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.LockingTailContext;
import java.util.ArrayList;
import java.util.List;

/** Builds {@link LockingQuery} from {@code SELECT ... FOR UPDATE ...} (and a LIMIT written after the clauses). */
final class LockingSyntax {

    private LockingSyntax() {
    }

    /** A subquery or WITH query as written, or with its locking clauses when it has them. */
    static Query locked(Query query, LockingTailContext tail, AstBuilder ast) {
        return tail == null ? query : new io.heliosdb.sql.ast.LockedQuery(build(query, tail, ast));
    }

    static LockingQuery build(Query query, LockingTailContext tail, AstBuilder ast) {
        List<LockingQuery.Clause> clauses = new ArrayList<>();
        for (LockingClauseContext c : tail.lockingClause()) {
            RowLockMode mode;
            if (c.NO() != null) {
                mode = RowLockMode.NO_KEY_UPDATE;
            } else if (c.KEY() != null) {
                mode = RowLockMode.KEY_SHARE;
            } else {
                mode = c.SHARE() != null ? RowLockMode.SHARE : RowLockMode.UPDATE;
            }
            RowLockWait wait = c.NOWAIT() != null ? RowLockWait.NOWAIT
                    : c.SKIP_P() != null ? RowLockWait.SKIP_LOCKED : RowLockWait.BLOCK;
            clauses.add(new LockingQuery.Clause(mode, c.qualifiedName().stream().map(ast::tableName).toList(), wait,
                    c.getStart().getStartIndex()));
        }
        return new LockingQuery(withLimit(query, tail.limitClause(), ast, clauses.get(0).mode()), clauses);
    }

    private static Query withLimit(Query query, LimitClauseContext l, AstBuilder ast, RowLockMode mode) {
        if (l == null) {
            return query;
        }
        Expr limit = l.limit == null ? null : ast.expr(l.limit);
        Expr offset = l.offset == null ? null : ast.expr(l.offset);
        FetchClauseContext fetch = l.fetchClause();
        if (fetch != null) {
            limit = fetch.count == null ? new Expr.Literal(Expr.LiteralKind.INTEGER, "1") : ast.value(fetch.count);
        }
        if (query.limit() != null || query.offset() != null) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "multiple LIMIT clauses not allowed", null, null,
                    l.getStart().getStartIndex() + 1, null);
        }
        if (!(query instanceof Select s)) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    mode.sql() + " is not allowed with UNION/INTERSECT/EXCEPT");
        }
        return new Select(s.distinct(), s.items(), s.from(), s.where(), s.groupBy(), s.having(), s.orderBy(), limit,
                offset, s.distinctOn(), s.groupingSets());
    }
}
