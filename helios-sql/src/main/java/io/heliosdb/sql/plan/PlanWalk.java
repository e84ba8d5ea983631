package io.heliosdb.sql.plan;

import io.heliosdb.sql.analyze.BoundExpr;
import java.util.List;

/** What a walk over a whole plan visits at each node (correlation, row-lock discovery): its inputs and its expressions. */
public final class PlanWalk {
    private PlanWalk() {
    }

    /** The node's inputs, left to right; none for scans, values and other leaves. */
    public static List<LogicalPlan> inputs(LogicalPlan p) {
        if (p instanceof LogicalPlan.Filter x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.Project x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.Join x) {
            return List.of(x.left(), x.right());
        } else if (p instanceof LogicalPlan.IndexJoin x) {
            return List.of(x.left(), x.right());
        } else if (p instanceof LogicalPlan.HashJoin x) {
            return List.of(x.left(), x.right());
        } else if (p instanceof LogicalPlan.Aggregate x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.Window x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.SetOp x) {
            return List.of(x.left(), x.right());
        } else if (p instanceof LogicalPlan.DistinctOn x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.Distinct x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.Sort x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.Limit x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.LockRows x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.CteScan x) {
            return List.of(x.input());
        } else if (p instanceof LogicalPlan.RecursiveUnion x) {
            return List.of(x.anchor(), x.recursive());
        }
        return List.of();
    }

    /** The node's own expressions (not its inputs'), nulls left out. */
    public static List<BoundExpr> expressions(LogicalPlan p) {
        List<BoundExpr> out = new java.util.ArrayList<>();
        if (p instanceof LogicalPlan.Filter f) {
            out.add(f.predicate());
        } else if (p instanceof LogicalPlan.Project x) {
            out.addAll(x.expressions());
        } else if (p instanceof LogicalPlan.Join j) {
            out.add(j.condition());
        } else if (p instanceof LogicalPlan.IndexJoin j) {
            out.add(j.condition());
        } else if (p instanceof LogicalPlan.HashJoin j) {
            out.add(j.condition());
            out.addAll(j.leftKeys());
            out.addAll(j.rightKeys());
        } else if (p instanceof LogicalPlan.Aggregate a) {
            out.addAll(a.groupKeys());
            out.addAll(a.aggregates());
        } else if (p instanceof LogicalPlan.Window w) {
            out.addAll(w.calls());
        } else if (p instanceof LogicalPlan.Lookup l) {
            out.addAll(l.key());
        } else if (p instanceof LogicalPlan.IndexScan s) {
            out.addAll(s.prefix());
            if (s.in() != null) {
                out.addAll(s.in());
            }
            out.add(s.lower());
            out.add(s.upper());
        } else if (p instanceof LogicalPlan.FunctionScan f) {
            out.addAll(f.args());
        } else if (p instanceof LogicalPlan.Values v) {
            v.rows().forEach(out::addAll);
        } else if (p instanceof LogicalPlan.Limit l) {
            out.add(l.limit());
            out.add(l.offset());
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }
}
