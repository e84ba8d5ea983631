package io.heliosdb.sql.plan.rules;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Comparison;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.HashJoin;
import io.heliosdb.sql.plan.LogicalPlan.Join;
import java.util.ArrayList;
import java.util.List;

/**
 * A join (any kind) whose condition has conjuncts {@code left_expr = right_expr}, each side reading only
 * its own input's columns (possibly through implicit casts, which is how int = bigint is compared),
 * becomes a hash join on those pairs. Runs after {@link IndexJoinRule}, so an index probe is preferred.
 * Only types whose hashed form agrees with SQL equality are keyed; the whole condition is re-checked on
 * each pair, so a key that matches too much (0.0 and -0.0) never changes the result.
 */
public final class HashJoinRule implements PlanRule {

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Join join) || join.condition() == null) {
            return node;
        }
        int leftWidth = join.left().columns().size();
        int rightWidth = join.right().columns().size();
        List<BoundExpr> leftKeys = new ArrayList<>();
        List<BoundExpr> rightKeys = new ArrayList<>();
        for (BoundExpr c : IndexConditions.conjuncts(join.condition())) {
            if (!isKey(c, leftWidth, leftWidth + rightWidth)) {
                continue;
            }
            Comparison cmp = (Comparison) c;
            if (side(cmp.left(), 0, leftWidth) && side(cmp.right(), leftWidth, leftWidth + rightWidth)) {
                leftKeys.add(cmp.left());
                rightKeys.add(shift(cmp.right(), leftWidth));
            } else if (side(cmp.right(), 0, leftWidth) && side(cmp.left(), leftWidth, leftWidth + rightWidth)) {
                leftKeys.add(cmp.right());
                rightKeys.add(shift(cmp.left(), leftWidth));
            }
        }
        if (leftKeys.isEmpty()) {
            return node;
        }
        return new HashJoin(join.left(), join.right(), leftKeys, rightKeys, join.condition(), join.kind());
    }

    /** Whether the conjunct of a {@code leftWidth}-column left side's join condition is one of the hash keys. */
    public static boolean isKey(BoundExpr conjunct, int leftWidth, int width) {
        return conjunct instanceof Comparison cmp && cmp.op() == CompareOp.EQ && hashable(cmp.left().type())
                && (side(cmp.left(), 0, leftWidth) && side(cmp.right(), leftWidth, width)
                || side(cmp.right(), 0, leftWidth) && side(cmp.left(), leftWidth, width));
    }

    /** Types whose {@code Values.groupingKey} equality is at least as coarse as their SQL equality. */
    private static boolean hashable(SqlType type) {
        return type.isInteger() || type == SqlType.TEXT || type == SqlType.VARCHAR || type == SqlType.NUMERIC
                || type == SqlType.BOOLEAN || type == SqlType.DATE || type == SqlType.TIMESTAMP
                || type == SqlType.DOUBLE || type == SqlType.REAL;
    }

    /**
     * Whether {@code e} is a column in [from, to), possibly under implicit casts: evaluating it for a row
     * that has no partner cannot fail, so probing never raises an error the nested loop would not.
     */
    private static boolean side(BoundExpr e, int from, int to) {
        while (e instanceof BoundExpr.Cast cast && !cast.explicit()) {
            e = cast.operand();
        }
        return e instanceof ColumnSlot slot && slot.index() >= from && slot.index() < to;
    }

    private static BoundExpr shift(BoundExpr e, int by) {
        if (e instanceof ColumnSlot s) {
            return new ColumnSlot(s.index() - by, s.type(), s.typmod(), s.name());
        }
        return BoundExprs.mapChildren(e, child -> shift(child, by));
    }
}
