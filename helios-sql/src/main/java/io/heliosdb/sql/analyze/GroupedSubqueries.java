package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.OuterRef;
import io.heliosdb.sql.analyze.BoundExpr.Subquery;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.List;

/**
 * A correlated subquery in the select list, HAVING or ORDER BY of a grouped query runs once per group: its
 * references to the grouped query's row were bound to the rows before grouping, so they are re-pointed at
 * the group-key columns of the aggregate's output row. A reference to a column that is not a group key is
 * PostgreSQL's 42803 "subquery uses ungrouped column".
 */
final class GroupedSubqueries {
    private final List<BoundExpr> groupKeys;

    GroupedSubqueries(List<BoundExpr> groupKeys) {
        this.groupKeys = groupKeys;
    }

    /** The subquery with every reference to the grouped query's row moved onto the grouped row. */
    Subquery regroup(Subquery q) {
        return new Subquery(q.kind(), plan(q.plan(), 1), q.operand(), q.test(), q.negated(), q.correlated(), q.type());
    }

    /** @param level the OuterRef depth that, inside {@code p}, names the grouped query's row */
    private LogicalPlan plan(LogicalPlan p, int level) {
        if (p instanceof LogicalPlan.Filter f) {
            return new LogicalPlan.Filter(plan(f.input(), level), expr(f.predicate(), level));
        } else if (p instanceof LogicalPlan.Project x) {
            return new LogicalPlan.Project(plan(x.input(), level), exprs(x.expressions(), level), x.columns());
        } else if (p instanceof LogicalPlan.Join j) {
            return new LogicalPlan.Join(plan(j.left(), level), plan(j.right(), level),
                    j.condition() == null ? null : expr(j.condition(), level), j.kind());
        } else if (p instanceof LogicalPlan.IndexJoin j) {
            // The right side sees the left row as its nearest enclosing row: one level further in.
            return new LogicalPlan.IndexJoin(plan(j.left(), level), plan(j.right(), level + 1),
                    j.condition() == null ? null : expr(j.condition(), level), j.kind());
        } else if (p instanceof LogicalPlan.HashJoin j) {
            return new LogicalPlan.HashJoin(plan(j.left(), level), plan(j.right(), level), exprs(j.leftKeys(), level),
                    exprs(j.rightKeys(), level), j.condition() == null ? null : expr(j.condition(), level), j.kind());
        } else if (p instanceof LogicalPlan.Aggregate a) {
            return new LogicalPlan.Aggregate(plan(a.input(), level), exprs(a.groupKeys(), level),
                    a.aggregates().stream().map(x -> (BoundExpr.AggregateCall) expr(x, level)).toList(), a.columns());
        } else if (p instanceof LogicalPlan.Window w) {
            return new LogicalPlan.Window(plan(w.input(), level),
                    w.calls().stream().map(x -> (BoundExpr.WindowCall) expr(x, level)).toList(), w.columns());
        } else if (p instanceof LogicalPlan.SetOp s) {
            return new LogicalPlan.SetOp(s.kind(), s.all(), plan(s.left(), level), plan(s.right(), level), s.columns());
        } else if (p instanceof LogicalPlan.DistinctOn d) {
            return new LogicalPlan.DistinctOn(plan(d.input(), level), d.keys());
        } else if (p instanceof LogicalPlan.Distinct d) {
            return new LogicalPlan.Distinct(plan(d.input(), level));
        } else if (p instanceof LogicalPlan.Sort s) {
            return new LogicalPlan.Sort(plan(s.input(), level), s.keys());
        } else if (p instanceof LogicalPlan.Limit l) {
            return new LogicalPlan.Limit(plan(l.input(), level), l.limit() == null ? null : expr(l.limit(), level),
                    l.offset() == null ? null : expr(l.offset(), level));
        } else if (p instanceof LogicalPlan.LockRows l) {
            return new LogicalPlan.LockRows(plan(l.input(), level), l.targets());
        } else if (p instanceof LogicalPlan.RecursiveUnion r) {
            return new LogicalPlan.RecursiveUnion(plan(r.anchor(), level), plan(r.recursive(), level), r.all(),
                    r.workTable(), r.name(), r.columns());
        } else if (p instanceof LogicalPlan.Lookup l) {
            return new LogicalPlan.Lookup(l.table(), exprs(l.key(), level));
        } else if (p instanceof LogicalPlan.Values v) {
            return new LogicalPlan.Values(v.rows().stream().map(r -> exprs(r, level)).toList(), v.columns());
        } else if (p instanceof LogicalPlan.FunctionScan f) {
            return new LogicalPlan.FunctionScan(f.functions().stream()
                    .map(s -> new LogicalPlan.SetFunction(s.name(), exprs(s.args(), level), s.width())).toList(),
                    f.columns(), f.ordinality());
        } else if (p instanceof LogicalPlan.IndexScan s) {
            return new LogicalPlan.IndexScan(s.table(), s.index(), exprs(s.prefix(), level),
                    s.in() == null ? null : exprs(s.in(), level), s.lower() == null ? null : expr(s.lower(), level),
                    s.lowerInclusive(), s.upper() == null ? null : expr(s.upper(), level), s.upperInclusive(),
                    s.reverse(), exprs(s.conditions(), level));
        }
        return p; // Scan, OneRow, WorkTableScan: nothing that reads outer rows
    }

    private List<BoundExpr> exprs(List<BoundExpr> list, int level) {
        return list.stream().map(e -> expr(e, level)).toList();
    }

    private BoundExpr expr(BoundExpr e, int level) {
        if (e instanceof OuterRef r && r.depth() == level) {
            for (int key = 0; key < groupKeys.size(); key++) {
                if (groupKeys.get(key) instanceof BoundExpr.ColumnSlot s && s.index() == r.index()) {
                    return new OuterRef(level, key, r.type(), r.typmod(), r.name());
                }
            }
            throw new HeliosException(SqlState.GROUPING_ERROR,
                    "subquery uses ungrouped column \"" + r.name() + "\" from outer query");
        }
        if (e instanceof Subquery q) {
            return new Subquery(q.kind(), plan(q.plan(), level + 1), q.operand() == null ? null : expr(q.operand(), level),
                    q.test(), q.negated(), q.correlated(), q.type());
        }
        return BoundExprs.mapChildren(e, x -> expr(x, level));
    }
}
