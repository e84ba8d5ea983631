package io.heliosdb.sql.plan;

/**
 * Whether a cursor declared without SCROLL or NO SCROLL may move backwards. PostgreSQL decides at DECLARE
 * from the plan (execAmi.c's ExecSupportsBackwardScan): scans, VALUES, set-returning functions, sorts and
 * UNION ALL can; joins, aggregates, DISTINCT, set operations, window functions, a bare {@code SELECT 1}
 * and row locks (FOR UPDATE) cannot, and the cursor then answers 55000 to a backward FETCH.
 *
 * <p>HeliosDB goes back by keeping the rows it has read. That costs nothing more when the rows are held
 * anyway (a sort, VALUES, a function's rows); for a plain scan it would defeat streaming a large table
 * through FETCH, so such a cursor goes back only once its rows are in memory (WITH HOLD).
 */
public final class BackwardScan {

    /** What a cursor declared without SCROLL or NO SCROLL may do. */
    public enum Capability { NONE, WHEN_MATERIALIZED, ALWAYS }

    private BackwardScan() {
    }

    public static Capability of(LogicalPlan plan) {
        if (!supported(plan)) {
            return Capability.NONE;
        }
        return buffered(plan) ? Capability.ALWAYS : Capability.WHEN_MATERIALIZED;
    }

    private static boolean supported(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Project p) {
            // a projection over no input is PostgreSQL's Result node without a child: forward only
            return !(p.input() instanceof LogicalPlan.OneRow) && supported(p.input());
        } else if (plan instanceof LogicalPlan.Filter f) {
            return !(f.input() instanceof LogicalPlan.OneRow) && supported(f.input());
        } else if (plan instanceof LogicalPlan.Limit l) {
            return supported(l.input());
        } else if (plan instanceof LogicalPlan.SetOp s) {
            return s.all() && s.kind() == LogicalPlan.SetKind.UNION && supported(s.left()) && supported(s.right());
        }
        return plan instanceof LogicalPlan.Sort || plan instanceof LogicalPlan.Scan || plan instanceof LogicalPlan.IndexScan
                || plan instanceof LogicalPlan.Lookup || plan instanceof LogicalPlan.Values
                || plan instanceof LogicalPlan.FunctionScan || plan instanceof LogicalPlan.WorkTableScan;
    }

    /** Whether the plan holds all its rows before giving the first (so keeping them costs no more). */
    private static boolean buffered(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Project p) {
            return buffered(p.input());
        } else if (plan instanceof LogicalPlan.Filter f) {
            return buffered(f.input());
        } else if (plan instanceof LogicalPlan.Limit l) {
            return buffered(l.input());
        }
        return plan instanceof LogicalPlan.Sort || plan instanceof LogicalPlan.Values
                || plan instanceof LogicalPlan.FunctionScan;
    }
}
