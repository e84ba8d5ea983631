package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Subquery;
import io.heliosdb.sql.analyze.BoundExpr.SubqueryKind;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A row constructor compared with the rows of a subquery, as PostgreSQL compares them field by field:
 * {@code (a, b) = (SELECT x, y ...)} (at most one row; none gives NULL), {@code (a, b) [NOT] IN (SELECT x, y ...)}
 * and {@code (a, b) op ANY | ALL (SELECT ...)}. The operand is the row's fields (a {@link #FIELDS} call, whose
 * arguments exec evaluates one by one); the test compares the slots {@code [a, b, x, y]}.
 */
final class RowSubqueries {
    /** The name of the operand's call: a {@code row} that constant folding leaves as it is. */
    static final String FIELDS = "row fields";

    private RowSubqueries() {
    }

    /** {@code row op (SELECT ...)}: kind ROW_SCALAR. */
    static BoundExpr compare(ExpressionBinder binder, CompareOp op, Expr.FunctionCall row, LogicalPlan plan,
                             int position) {
        return build(binder, op, SubqueryKind.ROW_SCALAR, row, plan, false, position);
    }

    /** {@code row [NOT] IN (SELECT ...)} and {@code row op ANY (SELECT ...)} (ROW_IN), {@code row op ALL} (ROW_ALL). */
    static BoundExpr quantified(ExpressionBinder binder, CompareOp op, boolean all, Expr.FunctionCall row,
                                LogicalPlan plan, boolean negated, int position) {
        return build(binder, op, all ? SubqueryKind.ROW_ALL : SubqueryKind.ROW_IN, row, plan, negated, position);
    }

    private static BoundExpr build(ExpressionBinder binder, CompareOp op, SubqueryKind kind, Expr.FunctionCall row,
                                   LogicalPlan plan, boolean negated, int position) {
        List<Column> columns = plan.columns();
        int n = row.args().size();
        if (columns.size() != n) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, columns.size() > n ? "subquery has too many columns"
                    : "subquery has too few columns", null, null, position, null);
        }
        List<BoundExpr> fields = new ArrayList<>(n);
        List<BoundExpr> left = new ArrayList<>(n);
        List<BoundExpr> right = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BoundExpr field = binder.bind(row.args().get(i));
            Column column = columns.get(i);
            if (field.type() == SqlType.UNKNOWN) {
                field = binder.coerce(field, column.type() == SqlType.UNKNOWN ? SqlType.TEXT : column.type());
            }
            fields.add(field);
            left.add(new ColumnSlot(i, field.type(), field.typmod(), "operand"));
            right.add(new ColumnSlot(n + i, column.type(), column.typmod(), column.name()));
        }
        BoundExpr test = RowValues.compareFields(binder, op, left, right, position);
        return new Subquery(kind, plan, new BuiltinCall(FIELDS, fields, SqlType.RECORD), test, negated,
                Correlation.isCorrelated(plan), SqlType.BOOLEAN);
    }
}
