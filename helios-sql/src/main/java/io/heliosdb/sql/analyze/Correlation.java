package io.heliosdb.sql.analyze;

import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.PlanWalk;
import java.util.ArrayList;
import java.util.List;

/** Finds whether a subquery's plan reads rows of enclosing queries (and so must run again per outer row). */
final class Correlation {

    private Correlation() {
    }

    /** True when {@code plan}, a subquery's plan, holds an outer reference leaving the subquery. */
    static boolean isCorrelated(LogicalPlan plan) {
        return readsOutside(plan, 1);
    }

    /**
     * The nearest enclosing query {@code plan} reads, counted from the query it runs in (1 = the immediately
     * enclosing one), or 0 when it reads none.
     */
    static int nearestOuterDepth(LogicalPlan plan) {
        int[] nearest = {Integer.MAX_VALUE};
        nearestOutside(plan, 1, nearest);
        return nearest[0] == Integer.MAX_VALUE ? 0 : nearest[0];
    }

    private static void nearestOutside(LogicalPlan plan, int level, int[] nearest) {
        if (plan instanceof LogicalPlan.IndexJoin j) {
            nearestOutside(j.left(), level, nearest);
            nearestOutside(j.right(), level + 1, nearest);
            nearestOutside(new LogicalPlan.Filter(new LogicalPlan.OneRow(), j.condition()), level, nearest);
            return;
        }
        for (BoundExpr e : PlanWalk.expressions(plan)) {
            BoundExprs.forEach(e, n -> {
                if (n instanceof BoundExpr.OuterRef r && r.depth() >= level) {
                    nearest[0] = Math.min(nearest[0], r.depth() - level + 1);
                } else if (n instanceof BoundExpr.Subquery q) {
                    nearestOutside(q.plan(), level + 1, nearest);
                }
            });
        }
        for (LogicalPlan input : PlanWalk.inputs(plan)) {
            nearestOutside(input, level, nearest);
        }
    }

    /** @param level how many query levels a reference must go out to leave the subquery being checked */
    private static boolean readsOutside(LogicalPlan plan, int level) {
        if (plan instanceof LogicalPlan.IndexJoin j) {
            // The right side runs with the left row as its nearest enclosing row: one level further in.
            return readsOutside(j.left(), level) || readsOutside(j.right(), level + 1)
                    || readsOutside(new LogicalPlan.Filter(new LogicalPlan.OneRow(), j.condition()), level);
        }
        for (BoundExpr e : PlanWalk.expressions(plan)) {
            boolean[] found = {false};
            BoundExprs.forEach(e, n -> {
                if (n instanceof BoundExpr.OuterRef r && r.depth() >= level
                        || n instanceof BoundExpr.Subquery q && readsOutside(q.plan(), level + 1)) {
                    found[0] = true;
                }
            });
            if (found[0]) {
                return true;
            }
        }
        for (LogicalPlan input : PlanWalk.inputs(plan)) {
            if (readsOutside(input, level)) {
                return true;
            }
        }
        return false;
    }
}
