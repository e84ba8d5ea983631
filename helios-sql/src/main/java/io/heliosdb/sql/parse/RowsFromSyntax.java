package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.FromItem;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.ExprContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.RowsFromFromContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ROWS FROM (f(...), g(...)) [WITH ORDINALITY] [AS alias (columns)]}: the calls run in lockstep, the
 * shorter padded with NULLs. One call is the plain function item it equals.
 */
final class RowsFromSyntax {

    private RowsFromSyntax() {
    }

    static FromItem item(RowsFromFromContext ctx, AstBuilder builder) {
        List<Expr.FunctionCall> calls = new ArrayList<>();
        for (ExprContext e : ctx.expr()) {
            if (!(builder.expr(e) instanceof Expr.FunctionCall f) || f.over() != null || f.star() || f.distinct()
                    || !Character.isLetter(f.name().charAt(0)) || f.name().equals("array[]")) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + e.getStart().getText() + "\"",
                        null, null, e.getStart().getStartIndex() + 1, null);
            }
            calls.add(f);
        }
        String alias = ctx.alias == null ? null : AstBuilder.identifier(ctx.alias);
        List<String> columns = ctx.identifier().stream().filter(id -> id != ctx.alias).map(AstBuilder::identifier).toList();
        int position = ctx.getStart().getStartIndex();
        boolean ordinality = ctx.ORDINALITY() != null;
        if (calls.size() == 1) {
            Expr.FunctionCall f = calls.get(0);
            return new FromItem.Function(f.name(), f.args(), alias, columns, position, ordinality);
        }
        return new FromItem.Function(FromItem.ROWS_FROM, List.copyOf(calls), alias, columns, position, ordinality);
    }
}
