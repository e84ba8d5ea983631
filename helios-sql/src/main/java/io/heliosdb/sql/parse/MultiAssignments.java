package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.AssignmentContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.IdentifierContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.MultiAssignmentContext;
import io.heliosdb.sql.parse.antlr.PostgreSqlParser.ValueItemContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The SET items of UPDATE and ON CONFLICT DO UPDATE, including PostgreSQL's multiple-column form
 * {@code (a, b) = (x, y) | ROW(x, y) | (SELECT ...)}. A row source becomes one ordinary assignment per
 * column; a sub-SELECT source becomes one assignment per column that shares the sub-SELECT, so the
 * analyzer can check its width once it knows its columns.
 */
final class MultiAssignments {

    private MultiAssignments() {
    }

    static List<Update.Assignment> of(List<AssignmentContext> items, AstBuilder ast) {
        List<Update.Assignment> out = new ArrayList<>();
        for (AssignmentContext a : items) {
            if (a.multiAssignment() == null) {
                out.add(new Update.Assignment(AstBuilder.identifier(a.identifier()), ast.valueItemOf(a.valueItem()),
                        a.getStart().getStartIndex()));
            } else {
                expand(a.multiAssignment(), ast, out);
            }
        }
        return out;
    }

    private static void expand(MultiAssignmentContext m, AstBuilder ast, List<Update.Assignment> out) {
        List<IdentifierContext> targets = m.identifier();
        if (m.valuesRow() != null) {
            List<ValueItemContext> values = m.valuesRow().valueItem();
            if (m.ROW() == null && values.size() == 1) {
                // "(x)" is a parenthesized expression, not a row: PostgreSQL refuses it even for one column.
                throw notRowOrSelect(m.valuesRow().getStart().getStartIndex());
            }
            if (values.size() != targets.size()) {
                throw countMismatch((m.ROW() != null ? m.ROW().getSymbol() : m.valuesRow().getStart()).getStartIndex());
            }
            for (int i = 0; i < targets.size(); i++) {
                out.add(new Update.Assignment(AstBuilder.identifier(targets.get(i)), ast.valueItemOf(values.get(i)),
                        targets.get(i).getStart().getStartIndex()));
            }
            return;
        }
        if (m.selectStmt() == null) {
            throw notRowOrSelect(m.expr().getStart().getStartIndex());
        }
        Expr.Subquery query = new Expr.Subquery(Expr.SubqueryKind.SCALAR, ast.select(m.selectStmt()), null, false);
        int position = m.LPAREN(1).getSymbol().getStartIndex();
        for (int i = 0; i < targets.size(); i++) {
            out.add(new Update.Assignment(AstBuilder.identifier(targets.get(i)), query,
                    targets.get(i).getStart().getStartIndex(),
                    new Update.RowSource(query, i, targets.size(), position)));
        }
    }

    static HeliosException countMismatch(int position) {
        return new HeliosException(SqlState.SYNTAX_ERROR, "number of columns does not match number of values",
                null, null, position + 1, null);
    }

    private static HeliosException notRowOrSelect(int position) {
        return new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                "source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression",
                null, null, position + 1, null);
    }
}
