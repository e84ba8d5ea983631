package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.WindowCall;
import io.heliosdb.sql.ast.WindowSpec.BoundKind;

/** The value of one window call at one row of a partition, following PostgreSQL's definitions. */
final class WindowFunctions {

    private WindowFunctions() {
    }

    static Object value(Object compiled, WindowOperator.Partition p, int i, long startOffset, long endOffset,
                        Runtime rt) {
        WindowCall call = WindowOperator.callOf(compiled);
        Evaluator[] args = WindowOperator.argsOf(compiled);
        int n = p.size();
        return switch (call.function()) {
            case ROW_NUMBER -> (long) i + 1;
            case RANK -> (long) p.peerStart[i] + 1;
            case DENSE_RANK -> (long) p.peerGroup[i];
            case PERCENT_RANK -> n > 1 ? p.peerStart[i] / (double) (n - 1) : 0.0;
            case CUME_DIST -> (p.peerEnd[i] + 1) / (double) n;
            case NTILE -> ntile(args[0].evaluate(p.row(i), rt), n, i);
            case LAG, LEAD -> shifted(call, args, p, i, rt);
            case FIRST_VALUE, LAST_VALUE, NTH_VALUE -> {
                int[] f = frame(call, p, i, startOffset, endOffset);
                int target;
                if (call.function() == io.heliosdb.sql.analyze.BoundExpr.WindowFunction.NTH_VALUE) {
                    Object nth = args[1].evaluate(p.row(i), rt);
                    if (nth == null) {
                        yield null;
                    }
                    if ((Integer) nth <= 0) {
                        throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                                "argument of nth_value must be greater than zero");
                    }
                    target = f[0] + (Integer) nth - 1;
                } else {
                    target = call.function() == io.heliosdb.sql.analyze.BoundExpr.WindowFunction.FIRST_VALUE ? f[0] : f[1];
                }
                yield f[0] > f[1] || target > f[1] ? null : args[0].evaluate(p.row(target), rt);
            }
            case AGGREGATE -> aggregate(compiled, call, p, i, startOffset, endOffset, rt);
        };
    }

    private static Object ntile(Object buckets, int n, int i) {
        if (buckets == null) {
            return null;
        }
        int k = (Integer) buckets;
        if (k <= 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "argument of ntile must be greater than zero");
        }
        int per = n / k;
        int extra = n % k;
        // The first n % k buckets hold one row more.
        int big = extra * (per + 1);
        return i < big ? i / (per + 1) + 1 : extra + (per == 0 ? 0 : (i - big) / per) + 1;
    }

    private static Object shifted(WindowCall call, Evaluator[] args, WindowOperator.Partition p, int i, Runtime rt) {
        Object[] row = p.row(i);
        long offset = 1;
        if (args.length > 1) {
            Object o = args[1].evaluate(row, rt);
            if (o == null) {
                return null;
            }
            offset = (Integer) o;
        }
        long target = call.function() == io.heliosdb.sql.analyze.BoundExpr.WindowFunction.LAG ? i - offset : i + offset;
        if (target >= 0 && target < p.size()) {
            return args[0].evaluate(p.row((int) target), rt);
        }
        return args.length > 2 ? args[2].evaluate(row, rt) : null;
    }

    /** The frame of row {@code i} as positions {@code [first, last]} in the partition (first > last: empty). */
    static int[] frame(WindowCall call, WindowOperator.Partition p, int i, long startOffset, long endOffset) {
        int n = p.size();
        long first = switch (call.start().kind()) {
            case UNBOUNDED_PRECEDING -> 0;
            case PRECEDING -> i - startOffset;
            case CURRENT_ROW -> call.rows() ? i : p.peerStart[i];
            case FOLLOWING -> i + startOffset;
            case UNBOUNDED_FOLLOWING -> n;
        };
        long last = switch (call.end().kind()) {
            case UNBOUNDED_FOLLOWING -> n - 1;
            case FOLLOWING -> i + endOffset;
            case CURRENT_ROW -> call.rows() ? i : p.peerEnd[i];
            case PRECEDING -> i - endOffset;
            case UNBOUNDED_PRECEDING -> -1;
        };
        return new int[] {(int) Math.max(first, 0), (int) Math.min(last, n - 1)};
    }

    private static Object aggregate(Object compiled, WindowCall call, WindowOperator.Partition p, int i,
                                    long startOffset, long endOffset, Runtime rt) {
        AggregateFunction function = WindowOperator.aggregateOf(compiled);
        int[] f = frame(call, p, i, startOffset, endOffset);
        AggregateFunction.State state = function.newState();
        for (int r = f[0]; r <= f[1]; r++) {
            state.add(p.row(r), rt);
        }
        return state.result();
    }
}
