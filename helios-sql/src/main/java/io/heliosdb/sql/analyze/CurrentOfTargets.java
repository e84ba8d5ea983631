package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ast.Expr;

/**
 * The targets UPDATE/DELETE ... WHERE CURRENT OF may have: one stored table, read by the cursor's row key
 * ({@link io.heliosdb.sql.plan.LogicalPlan.CurrentOfScan}). A view, as in PostgreSQL, and a joined target
 * (FROM / USING) are refused.
 */
final class CurrentOfTargets {

    private CurrentOfTargets() {
    }

    static void check(Expr where, boolean joined, String clause) {
        if (joined && where instanceof Expr.CurrentOf) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "WHERE CURRENT OF with " + clause
                    + " is not supported");
        }
    }

    static void refuseView(Expr where) {
        if (where instanceof Expr.CurrentOf) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "WHERE CURRENT OF on a view is not implemented");
        }
    }
}
