package io.heliosdb.sql.parse;

import static io.heliosdb.sql.parse.AstBuilder.identifier;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Delete;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Insert;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.SelectItem;
import io.heliosdb.sql.ast.Statement;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.ast.ValuesQuery;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.*;
import java.util.List;

/** Builds INSERT, UPDATE and DELETE with their RETURNING lists. */
final class DmlAst {
    private final AstBuilder ast;

    DmlAst(AstBuilder ast) {
        this.ast = ast;
    }

    /** INSERT with its WITH clause. */
    Statement insertStatement(InsertStmtContext ctx) {
        return ctx.withClause() == null ? insert(ctx) : ast.withQueries(ctx.withClause(), () -> insert(ctx));
    }

    Insert insert(InsertStmtContext ctx) {
        // INSERT INTO t AS alias: the alias is the first identifier, the column list the rest.
        List<String> columns = ctx.identifier().stream().filter(i -> i != ctx.alias).map(AstBuilder::identifier).toList();
        List<List<Expr>> rows = null;
        Query query = null;
        if (ctx.insertSource() instanceof QuerySourceContext q) {
            query = ast.select(q.selectStmt());
            // A plain VALUES list stays rows: its items may be DEFAULT and take the target columns' types.
            if (query instanceof ValuesQuery v && v.orderBy().isEmpty() && v.limit() == null && v.offset() == null) {
                rows = v.rows();
                query = null;
            }
        } else {
            rows = List.of(List.of());
        }
        return new Insert(ast.tableName(ctx.qualifiedName(), ctx.alias), columns, rows, query, returning(ctx.returningClause()),
                overridingSystemValue(ctx.overridingClause()), new ConstraintAst(ast).onConflict(ctx.onConflict()));
    }

    /** OVERRIDING SYSTEM VALUE (true), OVERRIDING USER VALUE or none (false). */
    private static boolean overridingSystemValue(OverridingClauseContext ctx) {
        if (ctx != null && ctx.SYSTEM() == null && !identifier(ctx.identifier()).equals("user")) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + ctx.identifier().getText()
                    + "\"", null, null, ctx.identifier().getStart().getStartIndex() + 1, null);
        }
        return ctx != null && ctx.SYSTEM() != null;
    }

    Update update(UpdateStmtContext ctx) {
        if (ctx.withClause() != null) {
            return ast.withQueries(ctx.withClause(), () -> updateBody(ctx));
        }
        return updateBody(ctx);
    }

    private Update updateBody(UpdateStmtContext ctx) {
        List<Update.Assignment> assignments = MultiAssignments.of(ctx.assignment(), ast);
        return new Update(ast.tableName(ctx.qualifiedName(), ctx.alias), assignments,
                where(ctx.currentOf(), ctx.expr()), returning(ctx.returningClause()),
                ctx.fromItem().stream().map(ast::fromItem).toList());
    }

    /** DELETE with its WITH clause. */
    Delete delete(DeleteStmtContext d) {
        java.util.function.Supplier<Delete> body = () -> new Delete(ast.tableName(d.qualifiedName(), d.alias),
                where(d.currentOf(), d.expr()), returning(d.returningClause()),
                d.fromItem().stream().map(ast::fromItem).toList());
        return d.withClause() == null ? body.get() : ast.withQueries(d.withClause(), body);
    }

    /** The WHERE clause of UPDATE or DELETE: a condition, CURRENT OF a cursor, or none (null). */
    private Expr where(CurrentOfContext currentOf, ExprContext condition) {
        if (currentOf != null) {
            return new Expr.CurrentOf(identifier(currentOf.identifier()), currentOf.getStart().getStartIndex());
        }
        return condition == null ? null : ast.expr(condition);
    }

    List<SelectItem> returning(ReturningClauseContext ctx) {
        return ctx == null ? List.of() : ctx.selectItem().stream().map(ast::selectItem).toList();
    }
}
