package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.Subquery;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Evaluates subqueries used as values. A correlated one runs once per outer row (it reads that row
 * through {@link Runtime#outer}); an uncorrelated one runs once per execution and its rows are reused.
 */
final class SubqueryEvaluators {

    private SubqueryEvaluators() {
    }

    static Evaluator compile(Subquery q) {
        Operator plan = PlanCompiler.compile(q.plan());
        Evaluator rows = q.correlated() ? correlatedRows(plan) : cachedRows(plan);
        return switch (q.kind()) {
            case SCALAR -> (row, rt) -> scalar(rows(rows, row, rt));
            case EXISTS -> (row, rt) -> !rows(rows, row, rt).isEmpty();
            case IN -> in(q, rows);
            case ALL -> all(q, rows);
            case ROW_SCALAR, ROW_IN, ROW_ALL -> rowCompared(q, rows);
        };
    }

    /**
     * A row constructor against the subquery's rows: the test runs over {@code [fields..., columns...]}. ROW_IN is
     * true on a match, else null if a test was null, else false (NOT IN negates); ROW_ALL false on a mismatch;
     * ROW_SCALAR compares with the one row (none: null; more: 21000).
     */
    private static Evaluator rowCompared(Subquery q, Evaluator rows) {
        java.util.List<io.heliosdb.sql.analyze.BoundExpr> fields = ((io.heliosdb.sql.analyze.BoundExpr.BuiltinCall) q.operand()).args();
        Evaluator[] operand = fields.stream().map(ExpressionCompiler::compile).toArray(Evaluator[]::new);
        Evaluator test = ExpressionCompiler.compile(q.test());
        int n = operand.length;
        return (row, rt) -> {
            Object[] pair = new Object[2 * n];
            for (int i = 0; i < n; i++) {
                pair[i] = operand[i].evaluate(row, rt);
            }
            List<Object[]> values = rows(rows, row, rt);
            if (q.kind() == io.heliosdb.sql.analyze.BoundExpr.SubqueryKind.ROW_SCALAR) {
                if (values.size() > 1) {
                    throw new HeliosException(SqlState.CARDINALITY_VIOLATION,
                            "more than one row returned by a subquery used as an expression");
                }
                if (values.isEmpty()) {
                    return null;
                }
                System.arraycopy(values.get(0), 0, pair, n, n);
                return test.evaluate(pair, rt);
            }
            boolean any = q.kind() == io.heliosdb.sql.analyze.BoundExpr.SubqueryKind.ROW_IN;
            boolean sawNull = false;
            for (Object[] r : values) {
                System.arraycopy(r, 0, pair, n, n);
                Object match = test.evaluate(pair, rt);
                if (Boolean.valueOf(any).equals(match)) {
                    return any != q.negated();
                }
                sawNull |= match == null;
            }
            return sawNull ? null : !any != q.negated();
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Evaluator rows, Object[] row, Runtime rt) {
        return (List<Object[]>) rows.evaluate(row, rt);
    }

    private static Evaluator correlatedRows(Operator plan) {
        return (row, rt) -> Materialize.all(plan.open(rt.nested(row)));
    }

    /** Rows of an uncorrelated subquery, computed once per execution (one {@link Runtime}). */
    private static Evaluator cachedRows(Operator plan) {
        AtomicReference<Object[]> last = new AtomicReference<>();
        return (row, rt) -> {
            Object[] cached = last.get();
            if (cached != null && cached[0] == rt) {
                return cached[1];
            }
            List<Object[]> result = Materialize.all(plan.open(rt.nested(row)));
            last.set(new Object[] {rt, result});
            return result;
        };
    }

    private static Object scalar(List<Object[]> rows) {
        if (rows.size() > 1) {
            throw new HeliosException(SqlState.CARDINALITY_VIOLATION, "more than one row returned by a subquery used as an expression");
        }
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    /** Three-valued ALL: false on a row comparing false, else null if some comparison was null, else true. */
    private static Evaluator all(Subquery q, Evaluator rows) {
        Evaluator operand = ExpressionCompiler.compile(q.operand());
        Evaluator test = ExpressionCompiler.compile(q.test());
        return (row, rt) -> {
            Object x = operand.evaluate(row, rt);
            List<Object[]> values = rows(rows, row, rt);
            if (values.isEmpty()) {
                return true;
            }
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            Object[] pair = {x, null};
            for (Object[] r : values) {
                pair[1] = r[0];
                Object match = test.evaluate(pair, rt);
                if (Boolean.FALSE.equals(match)) {
                    return false;
                }
                sawNull |= match == null;
            }
            return sawNull ? null : true;
        };
    }

    /** Three-valued IN: true on a match, else null if the operand or some value was null, else false. */
    private static Evaluator in(Subquery q, Evaluator rows) {
        Evaluator operand = ExpressionCompiler.compile(q.operand());
        Evaluator test = ExpressionCompiler.compile(q.test());
        boolean negated = q.negated();
        return (row, rt) -> {
            Object x = operand.evaluate(row, rt);
            List<Object[]> values = rows(rows, row, rt);
            if (values.isEmpty()) {
                return negated;
            }
            if (x == null) {
                return null;
            }
            boolean sawNull = false;
            Object[] pair = new Object[2];
            pair[0] = x;
            for (Object[] r : values) {
                pair[1] = r[0];
                Object match = test.evaluate(pair, rt);
                if (Boolean.TRUE.equals(match)) {
                    return !negated;
                }
                sawNull |= match == null;
            }
            return sawNull ? null : negated;
        };
    }

}
