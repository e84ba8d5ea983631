package io.heliosdb.sql.plan;

import java.util.List;

/** The plans a plan node reads from, for walks over a whole plan (correlation, row-lock discovery). */
public final class PlanInputs {
    private PlanInputs() {
    }

    /** The node's inputs, left to right; none for scans, values and other leaves. */
    public static List<LogicalPlan> of(LogicalPlan p) {
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
}
