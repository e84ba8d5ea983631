package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.DataModifyingWith;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.CommonTableContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.StatementContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.WithClauseContext;
import java.util.List;

/**
 * The data-modifying queries of a statement's WITH clause ({@code WITH d AS (DELETE ... RETURNING *) ...}).
 * As in PostgreSQL only the WITH clause of the statement itself may hold them; the statement is then wrapped
 * in a {@link DataModifyingWith} that runs each of them once.
 */
final class ModifyingCommonTables {
    /** The WITH clause of the statement being built, or null. */
    private WithClauseContext top;
    private List<DataModifyingWith.Step> steps = List.of();

    /** A statement begins: {@code ctx}'s own WITH clause (if any) is the one that may modify data. */
    void start(StatementContext ctx) {
        top = ctx.insertStmt() != null ? ctx.insertStmt().withClause()
                : ctx.updateStmt() != null ? ctx.updateStmt().withClause()
                : ctx.deleteStmt() != null ? ctx.deleteStmt().withClause()
                : ctx.selectStmt() != null ? ctx.selectStmt().withClause() : null;
        steps = List.of();
    }

    /** The INSERT, UPDATE or DELETE of WITH query {@code c} of clause {@code with}; 0A000 below the top level. */
    Statement statement(WithClauseContext with, CommonTableContext c, AstBuilder ast) {
        if (with != top) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "WITH clause containing a data-modifying statement must be at the top level", null, null,
                    c.getStart().getStartIndex() + 1, null);
        }
        if (c.insertStmt() != null) {
            return ast.insertStatement(c.insertStmt());
        }
        return c.updateStmt() != null ? ast.updateStatement(c.updateStmt()) : ast.deleteStatement(c.deleteStmt());
    }

    /** The steps of one (final) build of clause {@code with}. */
    void built(WithClauseContext with, List<DataModifyingWith.Step> found) {
        if (with == top) {
            steps = List.copyOf(found);
        }
    }

    /** {@code body}, wrapped when its WITH clause holds data-modifying queries. */
    Statement wrap(Statement body) {
        List<DataModifyingWith.Step> found = steps;
        top = null;
        steps = List.of();
        return found.isEmpty() ? body : new DataModifyingWith(found, body);
    }
}
