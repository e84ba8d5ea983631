package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Comparison;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code JOIN ... USING (columns)} and {@code NATURAL JOIN}: equality on the named columns, and one merged
 * column per name (the left value, the right one for RIGHT joins, COALESCE of both for FULL joins)
 * appended after both sides' columns.
 */
final class JoinUsing {

    private JoinUsing() {
    }

    /** The column names both sides expose, in the left side's order. */
    static List<String> naturalColumns(Scope left, Scope right) {
        List<String> rightNames = right.visibleColumns();
        return left.visibleColumns().stream().filter(rightNames::contains).distinct().toList();
    }

    static SelectAnalyzer.Source join(LogicalPlan leftPlan, LogicalPlan rightPlan, Scope left, Scope right, Scope both,
                                      LogicalPlan.JoinKind kind, List<String> names, ExpressionBinder binder) {
        int leftWidth = left.width();
        BoundExpr condition = null;
        List<BoundExpr> merged = new ArrayList<>();
        List<ColumnDef> mergedColumns = new ArrayList<>();
        for (String name : names) {
            if (names.indexOf(name) != names.lastIndexOf(name)) {
                throw new HeliosException(SqlState.DUPLICATE_COLUMN, "column \"" + name
                        + "\" appears more than once in USING clause");
            }
            ColumnSlot l = side(left, name, "left", 0);
            ColumnSlot r = side(right, name, "right", leftWidth);
            Comparison equal = (Comparison) binder.compare(CompareOp.EQ, l, r, 0);
            condition = condition == null ? equal : new BoundExpr.Logical(true, condition, equal);
            SqlType type = ExpressionBinder.commonType(List.of(l, r), "JOIN/USING");
            BoundExpr value = switch (kind) {
                case RIGHT -> binder.coerce(r, type);
                case FULL -> new BoundExpr.ScalarCall(BoundExpr.ScalarFunction.COALESCE,
                        List.of(binder.coerce(l, type), binder.coerce(r, type)), type);
                default -> binder.coerce(l, type);
            };
            merged.add(value);
            mergedColumns.add(new ColumnDef(name, type, -1, false, null));
        }
        LogicalPlan join = new LogicalPlan.Join(leftPlan, rightPlan, condition, kind);
        if (merged.isEmpty()) {
            return new SelectAnalyzer.Source(join, both);
        }
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>(join.columns());
        for (int i = 0; i < columns.size(); i++) {
            exprs.add(new ColumnSlot(i, columns.get(i).type(), columns.get(i).typmod(), columns.get(i).name()));
        }
        exprs.addAll(merged);
        mergedColumns.forEach(c -> columns.add(c.toColumn()));
        LogicalPlan plan = new LogicalPlan.Project(join, exprs, columns);
        return new SelectAnalyzer.Source(plan, both.merge(names, new TableDef(0, "", mergedColumns, List.of())));
    }

    /** The column {@code name} as one side exposes it, shifted to where that side sits in the joined row. */
    private static ColumnSlot side(Scope scope, String name, String which, int shift) {
        ColumnSlot s;
        try {
            s = scope.resolve(null, name, 0);
        } catch (HeliosException e) {
            if (e.sqlState() == SqlState.UNDEFINED_COLUMN) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + name + "\" specified in USING clause does not exist in "
                        + which + " table");
            }
            throw e;
        }
        return new ColumnSlot(s.index() + shift, s.type(), s.typmod(), s.name());
    }
}
