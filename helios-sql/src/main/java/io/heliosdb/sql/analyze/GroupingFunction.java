package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GROUPING(a, b, ...)}: an integer whose bits, leftmost argument highest, are 1 for the arguments
 * the current grouping set leaves out (0 for every row of a plain GROUP BY). It is bound as a
 * {@link BuiltinCall} named {@code grouping}; {@link AggregateRewriter} turns it into a column each grouping
 * set's projection fills with a constant ({@link GroupingSetsPlan}).
 */
final class GroupingFunction {
    static final String NAME = "grouping";

    private GroupingFunction() {
    }

    static BoundExpr bind(ExpressionBinder binder, Expr.FunctionCall f) {
        if (f.star() || f.distinct() || f.args().isEmpty() || f.filter() != null || !f.orderBy().isEmpty()) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + NAME + "\"", null, null,
                    f.position() + 1, null);
        }
        if (f.args().size() > 31) {
            throw new HeliosException(SqlState.PROGRAM_LIMIT_EXCEEDED, "GROUPING must have fewer than 32 arguments",
                    null, null, f.position() + 1, null);
        }
        // Allowed exactly where aggregates are (not in WHERE, GROUP BY, JOIN conditions or inside an aggregate).
        ExpressionBinder argBinder = binder.forAggregateArgument();
        List<BoundExpr> args = new ArrayList<>();
        for (Expr a : f.args()) {
            args.add(argBinder.bind(a));
        }
        return new BuiltinCall(NAME, args, SqlType.INTEGER);
    }

    static boolean is(BoundExpr e) {
        return e instanceof BuiltinCall b && b.name().equals(NAME);
    }

    static boolean contains(BoundExpr e) {
        boolean[] found = {false};
        BoundExprs.forEach(e, n -> found[0] |= is(n));
        return found[0];
    }

    /** The call's arguments as indexes into {@code groupKeys}; 42803 for an argument that is not a key. */
    static List<Integer> keyIndexes(BuiltinCall call, List<BoundExpr> groupKeys) {
        List<Integer> indexes = new ArrayList<>();
        for (BoundExpr a : call.args()) {
            int k = groupKeys.indexOf(a);
            if (k < 0) {
                throw new HeliosException(SqlState.GROUPING_ERROR,
                        "arguments to GROUPING must be grouping expressions of the associated query level");
            }
            indexes.add(k);
        }
        return indexes;
    }

    /** The value of a call over {@code keys} in the grouping set holding {@code set} (key indexes). */
    static int value(List<Integer> keys, List<Integer> set) {
        int v = 0;
        for (int k : keys) {
            v = (v << 1) | (set.contains(k) ? 0 : 1);
        }
        return v;
    }
}
