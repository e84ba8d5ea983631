package io.heliosdb.sql.analyze;

import io.heliosdb.sql.analyze.BoundExpr.*;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Generic walks over {@link BoundExpr} trees. */
public final class BoundExprs {

    private BoundExprs() {
    }

    /** The expression with {@code f} applied to each direct child. */
    public static BoundExpr mapChildren(BoundExpr e, UnaryOperator<BoundExpr> f) {
        if (e instanceof Const || e instanceof ParamRef || e instanceof ColumnSlot || e instanceof OuterRef) {
            return e;
        } else if (e instanceof Subquery q) {
            // Only the operand lives in this query's row; the plan and its test have rows of their own.
            return q.operand() == null ? q : new Subquery(q.kind(), q.plan(), f.apply(q.operand()), q.test(),
                    q.negated(), q.correlated(), q.type());
        } else if (e instanceof ArithmeticOp a) {
            return new ArithmeticOp(a.op(), f.apply(a.left()), f.apply(a.right()), a.type());
        } else if (e instanceof DateArithmetic d) {
            return new DateArithmetic(d.add(), f.apply(d.left()), f.apply(d.right()), d.type());
        } else if (e instanceof Negate n) {
            return new Negate(f.apply(n.operand()), n.type());
        } else if (e instanceof Comparison c) {
            return new Comparison(c.op(), f.apply(c.left()), f.apply(c.right()));
        } else if (e instanceof Logical l) {
            return new Logical(l.and(), f.apply(l.left()), f.apply(l.right()));
        } else if (e instanceof Not n) {
            return new Not(f.apply(n.operand()));
        } else if (e instanceof Concat c) {
            return new Concat(f.apply(c.left()), f.apply(c.right()));
        } else if (e instanceof IsNull i) {
            return new IsNull(f.apply(i.operand()), i.negated());
        } else if (e instanceof Like l) {
            return new Like(f.apply(l.operand()), f.apply(l.pattern()), l.negated(), l.caseInsensitive());
        } else if (e instanceof Cast c) {
            return new Cast(f.apply(c.operand()), c.type(), c.typmod(), c.explicit());
        } else if (e instanceof CaseWhen c) {
            return new CaseWhen(map(c.conditions(), f), map(c.results(), f),
                    c.elseResult() == null ? null : f.apply(c.elseResult()), c.type());
        } else if (e instanceof BuiltinCall b) {
            return new BuiltinCall(b.name(), map(b.args(), f), b.type());
        } else if (e instanceof ScalarCall s) {
            return new ScalarCall(s.function(), map(s.args(), f), s.type());
        } else if (e instanceof WindowCall w) {
            AggregateCall a = w.aggregate();
            return new WindowCall(w.function(), map(w.args(), f), a == null ? null : aggregateChildren(a, f),
                    map(w.partitionBy(), f), sorts(w.orderBy(), f), w.rows(), w.start(), w.end(), w.type());
        }
        return aggregateChildren((AggregateCall) e, f);
    }

    private static AggregateCall aggregateChildren(AggregateCall a, UnaryOperator<BoundExpr> f) {
        return new AggregateCall(a.kind(), a.argument() == null ? null : f.apply(a.argument()), a.distinct(), a.type(),
                a.separator() == null ? null : f.apply(a.separator()), sorts(a.orderBy(), f),
                a.filter() == null ? null : f.apply(a.filter()));
    }

    private static List<SortSpec> sorts(List<SortSpec> list, UnaryOperator<BoundExpr> f) {
        return list.stream().map(s -> new SortSpec(f.apply(s.expr()), s.descending(), s.nullsFirst())).toList();
    }

    private static List<BoundExpr> map(List<BoundExpr> list, UnaryOperator<BoundExpr> f) {
        return list.stream().map(f).toList();
    }

    /** Visits every node, parents before children. */
    public static void forEach(BoundExpr e, Consumer<BoundExpr> visitor) {
        visitor.accept(e);
        mapChildren(e, child -> {
            forEach(child, visitor);
            return child;
        });
    }

    /** Whether the expression reads no column (its value is the same for every row). */
    public static boolean isRowIndependent(BoundExpr e) {
        boolean[] found = {false};
        forEach(e, n -> {
            if (n instanceof ColumnSlot || n instanceof AggregateCall || n instanceof WindowCall
                    || n instanceof Subquery q && q.correlated()) {
                found[0] = true;
            }
        });
        return !found[0];
    }

    public static boolean containsWindow(BoundExpr e) {
        boolean[] found = {false};
        forEach(e, n -> found[0] |= n instanceof WindowCall);
        return found[0];
    }

    public static boolean containsAggregate(BoundExpr e) {
        boolean[] found = {false};
        forEach(e, n -> found[0] |= n instanceof AggregateCall);
        return found[0];
    }
}
