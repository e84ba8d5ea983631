package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan;
import java.util.List;

/**
 * The executor's side of SELECT ... FOR UPDATE: scans of locked tables append each row's storage key
 * (see {@link RowKeyColumn}), and the LockRows step locks the rows it passes on.
 */
final class LockRowsOperator {

    private LockRowsOperator() {
    }

    /** Whether the plan locks rows (its LockRows sits under the final projection and limit). */
    static boolean locks(LogicalPlan plan) {
        LogicalPlan p = plan;
        while (true) {
            if (p instanceof LogicalPlan.LockRows) {
                return true;
            } else if (p instanceof LogicalPlan.Project x) {
                p = x.input();
            } else if (p instanceof LogicalPlan.Limit x) {
                p = x.input();
            } else {
                return false;
            }
        }
    }

    /**
     * Locks each target's row of every input row, in order; a row any SKIP LOCKED target finds locked
     * is left out (the locks already taken for it stay, as in PostgreSQL). A NULL key (no stored row,
     * e.g. a system view) is not locked.
     */
    static Operator lock(Operator input, List<LogicalPlan.LockTarget> targets) {
        LogicalPlan.LockTarget[] all = targets.toArray(new LogicalPlan.LockTarget[0]);
        return rt -> {
            RowSource rows = input.open(rt);
            return new RowSource() {
                @Override
                public boolean next() {
                    while (rows.next()) {
                        if (lockAll(rows.row())) {
                            return true;
                        }
                    }
                    return false;
                }

                private boolean lockAll(Object[] row) {
                    for (LogicalPlan.LockTarget t : all) {
                        byte[] key = (byte[]) row[t.keyColumn()];
                        if (key != null && !rt.context().lockRow(t.table(), key, t.mode(), t.waitPolicy())) {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                public Object[] row() {
                    return rows.row();
                }

                @Override
                public void close() {
                    rows.close();
                }
            };
        };
    }
}
