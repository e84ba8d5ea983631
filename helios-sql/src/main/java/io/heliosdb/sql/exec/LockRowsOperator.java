package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.PlanWalk;
import java.util.ArrayList;
import java.util.List;

/**
 * The executor's side of SELECT ... FOR UPDATE: scans of locked tables append each row's storage key
 * (see {@link RowKeyColumn}), and the LockRows step locks the rows it passes on.
 */
final class LockRowsOperator {

    private LockRowsOperator() {
    }

    /**
     * Whether running the plan locks rows: a LockRows step anywhere in it, including in the plans of
     * subqueries in its expressions ({@code SELECT (SELECT ... FOR UPDATE)}) and of FROM and WITH queries.
     * Such a statement is no read: the kernel runs it as a write (its transaction, a restart on a re-check).
     */
    static boolean locks(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.LockRows) {
            return true;
        }
        for (BoundExpr e : PlanWalk.expressions(plan)) {
            boolean[] found = {false};
            BoundExprs.forEach(e, n -> found[0] |= n instanceof BoundExpr.Subquery q && locks(q.plan()));
            if (found[0]) {
                return true;
            }
        }
        for (LogicalPlan input : PlanWalk.inputs(plan)) {
            if (locks(input)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Locks each target's row of every input row, in order; a row any SKIP LOCKED target finds locked
     * is left out (the locks already taken for it stay, as in PostgreSQL). A NULL key (no stored row,
     * e.g. a system view) is not locked.
     */
    static Operator lock(Operator input, List<LogicalPlan.LockTarget> targets) {
        return lock(input, targets, null);
    }

    /**
     * {@code recheck} non-null (one locked table read alone): a row the kernel reports changed since the
     * snapshot is re-checked on its newest version ({@link RowRecheck}) and comes out as that version, or
     * not at all, instead of restarting the statement.
     */
    static Operator lock(Operator input, List<LogicalPlan.LockTarget> targets, RowRecheck recheck) {
        LogicalPlan.LockTarget[] all = targets.toArray(new LogicalPlan.LockTarget[0]);
        return rt -> {
            RowSource rows = input.open(rt);
            return new RowSource() {
                private Object[] current;

                @Override
                public boolean next() {
                    while (rows.next()) {
                        current = lockAll(rows.row());
                        if (current != null) {
                            return true;
                        }
                    }
                    return false;
                }

                /** The row to pass on (the input's, or its re-checked newest version), or null to leave it out. */
                private Object[] lockAll(Object[] row) {
                    if (recheck != null) {
                        return lockRechecking(row, all[0]);
                    }
                    for (LogicalPlan.LockTarget t : all) {
                        byte[] key = (byte[]) row[t.keyColumn()];
                        if (key != null && !rt.context().lockRow(t.table(), key, t.mode(), t.waitPolicy())) {
                            return null;
                        }
                    }
                    return row;
                }

                private Object[] lockRechecking(Object[] row, LogicalPlan.LockTarget t) {
                    byte[] key = (byte[]) row[t.keyColumn()];
                    if (key == null) {
                        return row;
                    }
                    return switch (rt.context().lockRowRechecking(t.table(), key, t.mode(), t.waitPolicy())) {
                        case LOCKED -> row;
                        case SKIPPED -> null;
                        case CHANGED -> {
                            Object[] stored = rt.context().newestRow(t.table(), key);
                            if (stored == null) {
                                yield null; // deleted since the snapshot
                            }
                            Object[] newest = java.util.Arrays.copyOf(stored, stored.length + 1);
                            newest[stored.length] = key;
                            yield recheck.recheck(rt, newest);
                        }
                    };
                }

                @Override
                public Object[] row() {
                    return current;
                }

                @Override
                public void close() {
                    rows.close();
                }
            };
        };
    }
}
