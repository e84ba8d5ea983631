package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.Scan;
import io.heliosdb.sql.plan.RowKeyColumn;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Column pruning for the commonest analytic shape: an aggregate or projection over filters over a
 * table scan. Those nodes are the only readers of the scanned rows, so the scan needs to decode just
 * the columns their expressions name; the others are left null. Anything the walk does not know
 * (subqueries, which may reach the row through outer references; window calls) keeps every column.
 */
final class ScanColumns {

    private ScanColumns() {
    }

    /**
     * The operator for {@code input} when it is filters over a plain scan whose rows are read only by
     * {@code uses} and the filters; otherwise null (compile it as usual).
     */
    static Operator compilePruned(LogicalPlan input, List<? extends BoundExpr> uses) {
        Deque<Filter> filters = new ArrayDeque<>();
        LogicalPlan node = input;
        while (node instanceof Filter f) {
            filters.push(f);
            node = f.input();
        }
        if (!(node instanceof Scan scan) || RowKeyColumn.keyedScan(scan) != null) {
            return null;
        }
        TableDef table = scan.table();
        boolean[] columns = new boolean[table.columns().size()];
        for (BoundExpr e : uses) {
            if (!mark(e, columns)) {
                return null;
            }
        }
        for (Filter f : filters) {
            if (!mark(f.predicate(), columns)) {
                return null;
            }
        }
        Operator op = NodeCounters.wrap(scan, rt -> TableSources.cursor(rt.context().scan(table, columns), rt));
        while (!filters.isEmpty()) {
            Filter f = filters.pop();
            op = NodeCounters.wrap(f, RelationalOperators.filter(op, ExpressionCompiler.compile(f.predicate())));
        }
        return op;
    }

    /** Marks the columns {@code e} reads; false when it may read the row in a way this walk cannot see. */
    static boolean mark(BoundExpr e, boolean[] columns) {
        if (e == null || e instanceof BoundExpr.Const || e instanceof BoundExpr.ParamRef
                || e instanceof BoundExpr.OuterRef) {
            return true;
        } else if (e instanceof BoundExpr.ColumnSlot c) {
            if (c.index() < 0 || c.index() >= columns.length) {
                return false;
            }
            columns[c.index()] = true;
            return true;
        } else if (e instanceof BoundExpr.ArithmeticOp a) {
            return mark(a.left(), columns) && mark(a.right(), columns);
        } else if (e instanceof BoundExpr.DateArithmetic a) {
            return mark(a.left(), columns) && mark(a.right(), columns);
        } else if (e instanceof BoundExpr.Negate n) {
            return mark(n.operand(), columns);
        } else if (e instanceof BoundExpr.Comparison c) {
            return mark(c.left(), columns) && mark(c.right(), columns);
        } else if (e instanceof BoundExpr.Logical l) {
            return mark(l.left(), columns) && mark(l.right(), columns);
        } else if (e instanceof BoundExpr.Not n) {
            return mark(n.operand(), columns);
        } else if (e instanceof BoundExpr.Concat c) {
            return mark(c.left(), columns) && mark(c.right(), columns);
        } else if (e instanceof BoundExpr.IsNull n) {
            return mark(n.operand(), columns);
        } else if (e instanceof BoundExpr.Like l) {
            return mark(l.operand(), columns) && mark(l.pattern(), columns);
        } else if (e instanceof BoundExpr.Cast c) {
            return mark(c.operand(), columns);
        } else if (e instanceof BoundExpr.CaseWhen c) {
            return markAll(c.conditions(), columns) && markAll(c.results(), columns) && mark(c.elseResult(), columns);
        } else if (e instanceof BoundExpr.ScalarCall s) {
            return markAll(s.args(), columns);
        } else if (e instanceof BoundExpr.BuiltinCall b) {
            return markAll(b.args(), columns);
        } else if (e instanceof BoundExpr.AggregateCall a) {
            for (BoundExpr.SortSpec s : a.orderBy()) {
                if (!mark(s.expr(), columns)) {
                    return false;
                }
            }
            return mark(a.argument(), columns) && mark(a.separator(), columns) && mark(a.filter(), columns);
        }
        return false;
    }

    private static boolean markAll(List<BoundExpr> exprs, boolean[] columns) {
        for (BoundExpr e : exprs) {
            if (!mark(e, columns)) {
                return false;
            }
        }
        return true;
    }
}
