package io.heliosdb.sql.plan.rules;

import io.heliosdb.api.HeliosException;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import io.heliosdb.sql.analyze.BoundExpr.ParamRef;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.exec.ExpressionCompiler;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.*;

/**
 * Replaces every expression subtree without columns or parameters by its value, computed once at
 * plan time. A subtree whose evaluation fails (1/0) is left alone so the error surfaces only if a
 * row actually reaches it.
 */
public final class ConstantFoldingRule implements PlanRule {

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (node instanceof Filter f) {
            return new Filter(f.input(), fold(f.predicate()));
        } else if (node instanceof Project p) {
            return new Project(p.input(), p.expressions().stream().map(ConstantFoldingRule::fold).toList(), p.columns());
        } else if (node instanceof Values v) {
            return new Values(v.rows().stream().map(r -> r.stream().map(ConstantFoldingRule::fold).toList()).toList(),
                    v.columns());
        } else if (node instanceof Lookup l) {
            return new Lookup(l.table(), l.key().stream().map(ConstantFoldingRule::fold).toList());
        } else if (node instanceof Join j && j.condition() != null) {
            return new Join(j.left(), j.right(), fold(j.condition()), j.leftOuter());
        } else if (node instanceof Limit l) {
            return new Limit(l.input(), l.limit() == null ? null : fold(l.limit()), l.offset() == null ? null : fold(l.offset()));
        }
        return node;
    }

    /** The expression with its constant subtrees evaluated. */
    public static BoundExpr fold(BoundExpr e) {
        if (e instanceof Const || e instanceof ColumnSlot || e instanceof ParamRef || e instanceof AggregateCall) {
            return e instanceof AggregateCall ? BoundExprs.mapChildren(e, ConstantFoldingRule::fold) : e;
        }
        BoundExpr folded = BoundExprs.mapChildren(e, ConstantFoldingRule::fold);
        boolean[] allConstant = {true};
        BoundExprs.mapChildren(folded, child -> {
            allConstant[0] &= child instanceof Const;
            return child;
        });
        if (!allConstant[0] || folded instanceof BoundExpr.ScalarCall call && call.function().isVolatile()) {
            return folded;
        }
        try {
            Object value = ExpressionCompiler.compile(folded).evaluate(new Object[0], new Object[0]);
            return new Const(value, folded.type());
        } catch (HeliosException | ArithmeticException e2) {
            return folded;
        }
    }
}
