package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.*;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.types.Arithmetic;
import io.heliosdb.sql.types.Casts;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/** Compiles typed expressions into nested lambdas once per plan. */
public final class ExpressionCompiler {

    private ExpressionCompiler() {
    }

    public static Evaluator[] compileAll(List<BoundExpr> exprs) {
        return exprs.stream().map(ExpressionCompiler::compile).toArray(Evaluator[]::new);
    }

    public static Evaluator compile(BoundExpr e) {
        if (e instanceof Const c) {
            Object v = c.value();
            return (row, rt) -> v;
        } else if (e instanceof ParamRef p) {
            int i = p.index();
            return (row, rt) -> rt.params()[i];
        } else if (e instanceof ColumnSlot s) {
            int i = s.index();
            return (row, rt) -> row[i];
        } else if (e instanceof OuterRef o) {
            int depth = o.depth();
            int i = o.index();
            return (row, rt) -> rt.outer(depth)[i];
        } else if (e instanceof Subquery q) {
            return SubqueryEvaluators.compile(q);
        } else if (e instanceof ArithmeticOp a) {
            return strict(compile(a.left()), compile(a.right()), Arithmetic.operator(a.op(), a.type()));
        } else if (e instanceof DateArithmetic d) {
            BinaryOperator<Object> op = d.type() == SqlType.DATE ? Arithmetic.dateShift(d.add()) : Arithmetic.dateDifference();
            return strict(compile(d.left()), compile(d.right()), op);
        } else if (e instanceof Negate n) {
            return strict(compile(n.operand()), Arithmetic.negate(n.type()));
        } else if (e instanceof Comparison c) {
            return comparison(c);
        } else if (e instanceof Logical l) {
            return logical(l);
        } else if (e instanceof Not n) {
            Evaluator operand = compile(n.operand());
            return (row, rt) -> {
                Object v = operand.evaluate(row, rt);
                return v == null ? null : !(Boolean) v;
            };
        } else if (e instanceof Concat c) {
            SqlType lt = c.left().type();
            SqlType rt = c.right().type();
            return strict(compile(c.left()), compile(c.right()), (a, b) -> Casts.toText(lt, a) + Casts.toText(rt, b));
        } else if (e instanceof IsNull i) {
            Evaluator operand = compile(i.operand());
            boolean negated = i.negated();
            return (row, rt) -> (operand.evaluate(row, rt) == null) != negated;
        } else if (e instanceof Like l) {
            return LikeMatcher.compile(l, compile(l.operand()), compile(l.pattern()));
        } else if (e instanceof Cast c && io.heliosdb.sql.types.TemporalCasts.zoneDependent(c.operand().type(), c.type())) {
            return ZonedCasts.compile(c, compile(c.operand()));
        } else if (e instanceof Cast c) {
            UnaryOperator<Object> convert = Casts.converter(c.operand().type(), c.type(), c.typmod(), c.explicit());
            Evaluator operand = compile(c.operand());
            return (row, rt) -> convert.apply(operand.evaluate(row, rt));
        } else if (e instanceof CaseWhen c) {
            return caseWhen(c);
        } else if (e instanceof BuiltinCall b) {
            return Builtins.compile(b, compileAll(b.args()));
        } else if (e instanceof ScalarCall s) {
            return ScalarFunctions.compile(s, compileAll(s.args()));
        }
        throw new IllegalStateException("aggregate outside an aggregation: " + e);
    }

    private static Evaluator strict(Evaluator left, Evaluator right, BinaryOperator<Object> op) {
        return (row, rt) -> {
            Object a = left.evaluate(row, rt);
            if (a == null) {
                return null;
            }
            Object b = right.evaluate(row, rt);
            return b == null ? null : op.apply(a, b);
        };
    }

    private static Evaluator strict(Evaluator operand, UnaryOperator<Object> op) {
        return (row, rt) -> {
            Object v = operand.evaluate(row, rt);
            return v == null ? null : op.apply(v);
        };
    }

    private static Evaluator comparison(Comparison c) {
        Evaluator left = compile(c.left());
        Evaluator right = compile(c.right());
        java.util.Comparator<Object> order = io.heliosdb.sql.types.TypedOrder.comparator(c.left().type());
        return switch (c.op()) {
            case EQ -> strict(left, right, (a, b) -> order.compare(a, b) == 0);
            case NE -> strict(left, right, (a, b) -> order.compare(a, b) != 0);
            case LT -> strict(left, right, (a, b) -> order.compare(a, b) < 0);
            case LE -> strict(left, right, (a, b) -> order.compare(a, b) <= 0);
            case GT -> strict(left, right, (a, b) -> order.compare(a, b) > 0);
            case GE -> strict(left, right, (a, b) -> order.compare(a, b) >= 0);
        };
    }

    /** Three-valued AND/OR that skips the right side when the left decides. */
    private static Evaluator logical(Logical l) {
        Evaluator left = compile(l.left());
        Evaluator right = compile(l.right());
        Boolean decisive = !l.and();
        return (row, rt) -> {
            Object a = left.evaluate(row, rt);
            if (decisive.equals(a)) {
                return decisive;
            }
            Object b = right.evaluate(row, rt);
            if (decisive.equals(b)) {
                return decisive;
            }
            return a == null || b == null ? null : !decisive;
        };
    }

    private static Evaluator caseWhen(CaseWhen c) {
        Evaluator[] conditions = compileAll(c.conditions());
        Evaluator[] results = compileAll(c.results());
        Evaluator otherwise = compile(c.elseResult());
        return (row, rt) -> {
            for (int i = 0; i < conditions.length; i++) {
                if (Boolean.TRUE.equals(conditions[i].evaluate(row, rt))) {
                    return results[i].evaluate(row, rt);
                }
            }
            return otherwise.evaluate(row, rt);
        };
    }
}
