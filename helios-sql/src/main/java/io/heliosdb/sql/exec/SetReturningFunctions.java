package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.types.RecordText;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-returning functions typed by {@code analyze.SetFunctionSignatures}. Every one is strict (a NULL
 * argument gives no rows). generate_series makes its rows one at a time, so a huge series costs no
 * memory, and a zero step is an error (22023), as in PostgreSQL; the others list the rows of one value.
 */
final class SetReturningFunctions {

    private SetReturningFunctions() {
    }

    /** Each row folded into one record column; the functions of several columns give text values only. */
    private static Operator records(Operator rows) {
        return rt -> {
            RowSource in = rows.open(rt);
            return new RowSource() {
                @Override
                public boolean next() {
                    return in.next();
                }

                @Override
                public Object[] row() {
                    Object[] row = in.row();
                    String[] fields = new String[row.length];
                    for (int i = 0; i < row.length; i++) {
                        fields[i] = row[i] == null ? null : row[i].toString();
                    }
                    return new Object[] {RecordText.format(fields)};
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        };
    }

    /** The functions of a function scan: one alone, or several in lockstep. */
    static Operator compile(List<LogicalPlan.SetFunction> functions) {
        if (functions.size() == 1) {
            LogicalPlan.SetFunction f = functions.get(0);
            return compile(f.name(), List.of(ExpressionCompiler.compileAll(f.args())));
        }
        List<Operator> operators = new ArrayList<>();
        int[] widths = new int[functions.size()];
        for (int i = 0; i < widths.length; i++) {
            LogicalPlan.SetFunction f = functions.get(i);
            operators.add(compile(f.name(), List.of(ExpressionCompiler.compileAll(f.args()))));
            widths[i] = f.width();
        }
        return LockstepFunctions.zip(operators, widths);
    }

    static Operator compile(String function, List<Evaluator> args) {
        if (function.startsWith(RecordText.SET_FUNCTION_PREFIX)) {
            return records(compile(function.substring(RecordText.SET_FUNCTION_PREFIX.length()), args));
        }
        return rt -> {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).evaluate(rt.outerRow(), rt);
                if (values[i] == null) {
                    return Sources.EMPTY;
                }
            }
            return switch (function) {
                case "generate_series" -> series(values, rt);
                case "unnest" -> Sources.of(io.heliosdb.api.ArrayShape.flatten((List<?>) values[0]).stream().map(v -> new Object[] {v}).toList());
                case "regexp_matches" -> Sources.of(RegexMatches.matches((String) values[0], (String) values[1],
                        values.length > 2 ? (String) values[2] : "", false).stream().map(v -> new Object[] {v}).toList());
                case "regexp_split_to_table" -> Sources.of(RegexSplit.split((String) values[0], (String) values[1],
                        values.length > 2 ? (String) values[2] : "").stream().map(v -> new Object[] {v}).toList());
                default -> {
                    List<Object[]> rows = JsonSetFunctions.rows(function, (String) values[0]);
                    if (rows == null) {
                        throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "function " + function + " does not exist");
                    }
                    yield Sources.of(rows);
                }
            };
        };
    }

    private static RowSource series(Object[] values, Runtime rt) {
        if (values[0] instanceof LocalDateTime || values[0] instanceof OffsetDateTime) {
            return TimestampSeries.rows(values[0], values[1], (io.heliosdb.api.Interval) values[2], rt);
        }
        if (values[0] instanceof BigDecimal || values[1] instanceof BigDecimal
                || values.length > 2 && values[2] instanceof BigDecimal) {
            return numericSeries(decimal(values[0]), decimal(values[1]),
                    values.length > 2 ? decimal(values[2]) : BigDecimal.ONE, rt);
        }
        boolean wide = values[0] instanceof Long;
        long step = values.length > 2 ? ((Number) values[2]).longValue() : 1;
        if (step == 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        return longSeries(((Number) values[0]).longValue(), ((Number) values[1]).longValue(), step, wide, rt);
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) v).longValue());
    }

    private static RowSource longSeries(long start, long stop, long step, boolean wide, Runtime rt) {
        return new RowSource() {
            private long next = start;
            private boolean done;
            private final Object[] row = new Object[1];

            @Override
            public boolean next() {
                if (done || (step > 0 ? next > stop : next < stop)) {
                    return false;
                }
                if (rt.context() != null) {
                    rt.context().checkCancelled();
                }
                row[0] = wide ? (Object) next : (Object) (int) next;
                try {
                    next = Math.addExact(next, step);
                } catch (ArithmeticException overflow) {
                    done = true;
                }
                if (!wide && (next > Integer.MAX_VALUE || next < Integer.MIN_VALUE)) {
                    done = true;
                }
                return true;
            }

            @Override
            public Object[] row() {
                return row.clone();
            }
        };
    }

    private static RowSource numericSeries(BigDecimal start, BigDecimal stop, BigDecimal step, Runtime rt) {
        if (step.signum() == 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "step size cannot equal zero");
        }
        return new RowSource() {
            private BigDecimal next = start;
            private Object[] row;

            @Override
            public boolean next() {
                if (step.signum() > 0 ? next.compareTo(stop) > 0 : next.compareTo(stop) < 0) {
                    return false;
                }
                if (rt.context() != null) {
                    rt.context().checkCancelled();
                }
                row = new Object[] {next};
                next = next.add(step);
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }
        };
    }
}
