package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.plan.LogicalPlan;

/**
 * Rough row counts for ordering joins. The catalog keeps no statistics, so these only rank inputs: a
 * key lookup below an index range below a filtered table below a whole table, each equality to a
 * constant cutting more than any other condition.
 */
final class JoinEstimates {
    private static final double TABLE = 1000;

    private JoinEstimates() {
    }

    static double rows(LogicalPlan p) {
        if (p instanceof LogicalPlan.Lookup || p instanceof LogicalPlan.OneRow) {
            return 1;
        } else if (p instanceof LogicalPlan.Values v) {
            return v.rows().size();
        } else if (p instanceof LogicalPlan.IndexScan s) {
            return s.prefix().isEmpty() && s.in() == null && s.lower() == null && s.upper() == null ? TABLE
                    : TABLE / (10.0 * (s.prefix().size() + 1));
        } else if (p instanceof LogicalPlan.Filter f) {
            double rows = rows(f.input());
            for (BoundExpr c : IndexConditions.conjuncts(f.predicate())) {
                IndexConditions.ColumnTest test = IndexConditions.test(c);
                rows *= test != null && test.op() == BoundExpr.CompareOp.EQ ? 0.1 : 0.3;
            }
            return Math.max(rows, 1);
        } else if (p instanceof LogicalPlan.Limit || p instanceof LogicalPlan.Aggregate a && a.groupKeys().isEmpty()) {
            return p instanceof LogicalPlan.Limit l ? Math.min(rows(l.input()), 10) : 1;
        } else if (p instanceof LogicalPlan.Project x) {
            return rows(x.input());
        }
        return TABLE;
    }
}
