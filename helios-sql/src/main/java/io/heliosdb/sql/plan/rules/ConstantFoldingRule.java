package io.heliosdb.sql.plan.rules;

import io.heliosdb.api.HeliosException;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import io.heliosdb.sql.analyze.BoundExpr.ParamRef;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.exec.ExpressionCompiler;
import io.heliosdb.sql.plan.LogicalPlan.*;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.List;

/**
 * Replaces every expression subtree without columns or parameters by its value, computed once at
 * plan time. A subtree whose evaluation fails (1/0) is left alone so the error surfaces only if a
 * row actually reaches it.
 */
public final class ConstantFoldingRule implements PlanRule {

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (node instanceof Filter f) {
            BoundExpr predicate = fold(f.predicate());
            if (predicate instanceof Const c) {
                // A predicate that is never true reads nothing; one always true filters nothing.
                return Boolean.TRUE.equals(c.value()) ? f.input() : new Values(List.of(), f.input().columns());
            }
            return new Filter(f.input(), predicate);
        } else if (node instanceof Project p) {
            return new Project(p.input(), p.expressions().stream().map(ConstantFoldingRule::fold).toList(), p.columns());
        } else if (node instanceof Values v) {
            return new Values(v.rows().stream().map(r -> r.stream().map(ConstantFoldingRule::fold).toList()).toList(),
                    v.columns());
        } else if (node instanceof Lookup l) {
            return new Lookup(l.table(), l.key().stream().map(ConstantFoldingRule::fold).toList());
        } else if (node instanceof Join j && j.condition() != null) {
            return new Join(j.left(), j.right(), fold(j.condition()), j.kind());
        } else if (node instanceof Limit l) {
            return new Limit(l.input(), l.limit() == null ? null : fold(l.limit()), l.offset() == null ? null : fold(l.offset()));
        }
        return node;
    }

    /** Operators whose result is NULL whenever an input is NULL. */
    private static boolean isStrict(BoundExpr e) {
        return e instanceof BoundExpr.ArithmeticOp || e instanceof BoundExpr.DateArithmetic || e instanceof BoundExpr.Negate
                || e instanceof BoundExpr.Comparison || e instanceof BoundExpr.Concat || e instanceof BoundExpr.Like
                || e instanceof BoundExpr.Cast;
    }

    private static boolean hasNullConstantChild(BoundExpr e) {
        boolean[] found = {false};
        BoundExprs.mapChildren(e, child -> {
            found[0] |= child instanceof Const c && c.value() == null;
            return child;
        });
        return found[0];
    }

    /** The expression with its constant subtrees evaluated. */
    public static BoundExpr fold(BoundExpr e) {
        if (e instanceof Const || e instanceof ColumnSlot || e instanceof ParamRef || e instanceof AggregateCall) {
            return e instanceof AggregateCall ? BoundExprs.mapChildren(e, ConstantFoldingRule::fold) : e;
        }
        BoundExpr folded = BoundExprs.mapChildren(e, ConstantFoldingRule::fold);
        if (isStrict(folded) && hasNullConstantChild(folded)) {
            // As PostgreSQL's planner does: a strict operator with a NULL input is NULL, so "col / 0 = NULL"
            // is NULL without dividing.
            return new Const(null, folded.type());
        }
        boolean[] allConstant = {true};
        BoundExprs.mapChildren(folded, child -> {
            allConstant[0] &= child instanceof Const;
            return child;
        });
        if (!allConstant[0] || folded instanceof BoundExpr.ScalarCall call && call.function().isVolatile()
                || folded instanceof BoundExpr.BuiltinCall b && b.isVolatile()
                || folded instanceof BoundExpr.OuterRef || folded instanceof BoundExpr.Subquery
                || folded instanceof BoundExpr.Cast c
                        && io.heliosdb.sql.types.TemporalCasts.zoneDependent(c.operand().type(), c.type())) {
            return folded;
        }
        try {
            Object value = ExpressionCompiler.compile(folded).evaluate(new Object[0], io.heliosdb.sql.exec.Runtime.CONSTANT);
            return new Const(value, folded.type());
        } catch (HeliosException | ArithmeticException e2) {
            return folded;
        }
    }
}
