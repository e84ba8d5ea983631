package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.ast.Expr;
import io.heliosdb.sql.ast.Query;
import io.heliosdb.sql.ast.Select;
import io.heliosdb.sql.ast.SetOperation;
import io.heliosdb.sql.ast.ValuesQuery;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Plans UNION/INTERSECT/EXCEPT and VALUES lists: column counts must agree, each column takes the
 * common type of its inputs (untyped literals become text), and ORDER BY names output columns.
 */
final class SetQueries {
    private final SelectAnalyzer queries;
    private final ParameterTypes parameters;

    SetQueries(SelectAnalyzer queries, ParameterTypes parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    LogicalPlan setOperation(SetOperation o) {
        String name = o.operator().name();
        LogicalPlan left = queries.analyze(o.left(), false);
        LogicalPlan right = queries.analyze(o.right(), false);
        List<Column> l = left.columns();
        List<Column> r = right.columns();
        if (l.size() != r.size()) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "each " + name + " query must have the same number of columns");
        }
        List<SqlType> types = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            SqlType type = ExpressionBinder.commonType(List.of(slot(l, i), slot(r, i)), name);
            types.add(type);
            int typmod = l.get(i).type() == type && r.get(i).type() == type && l.get(i).typmod() == r.get(i).typmod()
                    ? l.get(i).typmod() : -1;
            columns.add(new Column(l.get(i).name(), type, typmod));
        }
        LogicalPlan.SetKind kind = LogicalPlan.SetKind.valueOf(o.operator().name());
        return new LogicalPlan.SetOp(kind, o.all(), convert(left, types, columns), convert(right, types, columns), columns);
    }

    LogicalPlan values(ValuesQuery v) {
        ExpressionBinder binder = queries.binder(Scope.EMPTY, "VALUES");
        int width = v.rows().get(0).size();
        List<List<BoundExpr>> rows = new ArrayList<>();
        for (List<Expr> row : v.rows()) {
            if (row.size() != width) {
                throw new HeliosException(SqlState.SYNTAX_ERROR, "VALUES lists must all be the same length");
            }
            rows.add(row.stream().map(binder::bind).toList());
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            int column = i;
            SqlType type = ExpressionBinder.commonType(rows.stream().map(r -> r.get(column)).toList(), "VALUES");
            columns.add(new Column("column" + (i + 1), type));
        }
        List<List<BoundExpr>> coerced = new ArrayList<>();
        for (List<BoundExpr> row : rows) {
            List<BoundExpr> out = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                out.add(binder.coerce(row.get(i), columns.get(i).type()));
            }
            coerced.add(out);
        }
        return new LogicalPlan.Values(coerced, columns);
    }

    /** ORDER BY (output column names or ordinals only) and LIMIT/OFFSET over a set operation or VALUES. */
    LogicalPlan orderAndLimit(LogicalPlan plan, Query q, BiFunction<Expr, String, BoundExpr> limitValue) {
        List<Column> columns = plan.columns();
        List<LogicalPlan.SortKey> keys = new ArrayList<>();
        for (Select.OrderItem o : q.orderBy()) {
            int column = outputColumn(o.expr(), columns, q instanceof SetOperation s ? s.operator().name() : "VALUES");
            keys.add(new LogicalPlan.SortKey(column, o.descending(), o.nullsFirst() != null ? o.nullsFirst() : o.descending()));
        }
        if (!keys.isEmpty()) {
            plan = new LogicalPlan.Sort(plan, keys);
        }
        if (q.limit() != null || q.offset() != null) {
            plan = new LogicalPlan.Limit(plan, q.limit() == null ? null : limitValue.apply(q.limit(), "LIMIT"),
                    q.offset() == null ? null : limitValue.apply(q.offset(), "OFFSET"));
        }
        return plan;
    }

    private static int outputColumn(Expr e, List<Column> columns, String construct) {
        if (e instanceof Expr.Literal l && l.kind() != Expr.LiteralKind.INTEGER) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "non-integer constant in ORDER BY");
        }
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            long n = Long.parseLong(l.text());
            if (n < 1 || n > columns.size()) {
                throw new HeliosException(SqlState.INVALID_COLUMN_REFERENCE, "ORDER BY position " + n
                        + " is not in select list");
            }
            return (int) n - 1;
        }
        if (e instanceof Expr.ColumnRef c && c.table() == null) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(c.column())) {
                    return i;
                }
            }
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + c.column() + "\" does not exist");
        }
        throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "invalid " + construct.toUpperCase(Locale.ROOT)
                + " ORDER BY clause", null, "Only result column names can be used, not expressions or functions.", 0, null);
    }

    private static ColumnSlot slot(List<Column> columns, int i) {
        Column c = columns.get(i);
        return new ColumnSlot(i, c.type(), c.typmod(), c.name());
    }

    /** The input re-projected to the output types where they differ. */
    private LogicalPlan convert(LogicalPlan input, List<SqlType> types, List<Column> columns) {
        List<Column> have = input.columns();
        boolean same = true;
        List<BoundExpr> exprs = new ArrayList<>();
        ExpressionBinder binder = queries.binder(Scope.EMPTY, null);
        for (int i = 0; i < have.size(); i++) {
            ColumnSlot s = slot(have, i);
            if (have.get(i).type() == types.get(i)) {
                exprs.add(s);
            } else if (have.get(i).type() == SqlType.UNKNOWN) {
                // Untyped literals are read as text of the target type, as a literal would be.
                exprs.add(new BoundExpr.Cast(s, types.get(i), -1, true));
                same = false;
            } else {
                exprs.add(binder.coerce(s, types.get(i)));
                same = false;
            }
        }
        return same ? input : new LogicalPlan.Project(input, exprs, columns);
    }
}
