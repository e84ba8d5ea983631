package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.RowKeyColumn;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's EvalPlanQual for a LockRows step over one table: when the row it locks was changed by a
 * transaction that committed after the plan's snapshot (a cursor's FETCH under READ COMMITTED, which
 * cannot start over), the input's filters and projections run again on the row's newest version alone.
 * The row then comes out as that version, or not at all when it no longer qualifies.
 *
 * <p>The plan run again is the LockRows input with its scan of the table replaced by a one-row VALUES
 * reading the newest version from the runtime's outer row; an index scan leaves its conditions behind as
 * a filter (a primary key lookup needs none: the locked row key is the key it looked up). Inputs that
 * join or read anything else are not re-checked (the kernel then fails the FETCH with 40001).
 */
final class RowRecheck {
    private final Operator plan;

    private RowRecheck(Operator plan) {
        this.plan = plan;
    }

    /** The re-check of {@code lock}'s input, or null when that input is not one keyed table scan under filters. */
    static RowRecheck of(LogicalPlan.LockRows lock) {
        if (lock.targets().size() != 1) {
            return null;
        }
        LogicalPlan replaced = pinned(lock.input(), lock.targets().get(0).table());
        return replaced == null ? null : new RowRecheck(PlanCompiler.compile(replaced));
    }

    /**
     * The input's row for {@code newest} (the locked table's columns, then its row key), or null when the
     * newest version no longer passes the input's conditions.
     */
    Object[] recheck(Runtime rt, Object[] newest) {
        try (RowSource rows = plan.open(new Runtime(rt.context(), rt.params(), rt, newest))) {
            return rows.next() ? rows.row().clone() : null;
        }
    }

    private static LogicalPlan pinned(LogicalPlan p, TableDef locked) {
        if (p instanceof LogicalPlan.Filter f) {
            LogicalPlan input = pinned(f.input(), locked);
            return input == null ? null : new LogicalPlan.Filter(input, f.predicate());
        } else if (p instanceof LogicalPlan.Project x) {
            LogicalPlan input = pinned(x.input(), locked);
            return input == null ? null : new LogicalPlan.Project(input, x.expressions(), x.columns());
        } else if (p instanceof LogicalPlan.Sort x) {
            LogicalPlan input = pinned(x.input(), locked);
            return input == null ? null : new LogicalPlan.Sort(input, x.keys());
        }
        TableDef keyed = RowKeyColumn.keyedScan(p);
        if (keyed == null || keyed.id() != locked.id()) {
            return null;
        }
        List<BoundExpr> values = new ArrayList<>();
        List<Column> columns = p.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            values.add(new BoundExpr.OuterRef(1, i, c.type(), c.typmod(), c.name()));
        }
        LogicalPlan row = new LogicalPlan.Values(List.of(values), columns);
        if (p instanceof LogicalPlan.IndexScan i && !i.conditions().isEmpty()) {
            BoundExpr all = null;
            for (BoundExpr c : i.conditions()) {
                all = all == null ? c : new BoundExpr.Logical(true, all, c);
            }
            return new LogicalPlan.Filter(row, all);
        }
        return row;
    }
}
