package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Update;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the values of SET items, including the columns of a multiple-column sub-SELECT source
 * ({@code SET (a, b) = (SELECT x, y ...)}). The sub-SELECT is analyzed once per item; each target column
 * reads its own column of it as a scalar subquery (so a correlated source runs once per target column
 * and row; zero rows give NULL to every target, more than one row is 21000, as in PostgreSQL).
 */
final class RowAssignments {
    private final ExpressionBinder binder;
    private final Map<Expr.Subquery, LogicalPlan> plans = new IdentityHashMap<>();

    RowAssignments(ExpressionBinder binder) {
        this.binder = binder;
    }

    /** The value of {@code a} before its assignment cast. */
    BoundExpr bind(Update.Assignment a) {
        Update.RowSource row = a.row();
        if (row == null) {
            return binder.bind(a.value());
        }
        LogicalPlan plan = plans.get(row.query());
        if (plan == null) {
            plan = binder.rowSubqueryPlan(row.query().query());
            if (plan.columns().size() != row.width()) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "number of columns does not match number of values",
                        null, null, row.position() + 1, null);
            }
            plans.put(row.query(), plan);
        }
        Column column = plan.columns().get(row.index());
        LogicalPlan projected = new LogicalPlan.Project(plan,
                List.of(new BoundExpr.ColumnSlot(row.index(), column.type(), column.typmod(), column.name())),
                List.of(column));
        return new BoundExpr.Subquery(BoundExpr.SubqueryKind.SCALAR, projected, null, null, false,
                Correlation.isCorrelated(plan), column.type());
    }
}
