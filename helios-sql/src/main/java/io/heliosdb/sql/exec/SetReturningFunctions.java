package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.math.BigDecimal;
import java.util.List;

/**
 * Functions in FROM that return rows: {@code generate_series(start, stop[, step])} over integers,
 * bigints and numerics. Rows are made one at a time, so a huge series costs no memory; a NULL argument
 * gives no rows, a zero step is an error (22023), as in PostgreSQL.
 */
final class SetReturningFunctions {

    private SetReturningFunctions() {
    }

    static Operator compile(String function, List<Evaluator> args) {
        if (!function.equals("generate_series")) {
            throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "function " + function + " does not exist");
        }
        return rt -> {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).evaluate(rt.outerRow(), rt);
                if (values[i] == null) {
                    return Sources.EMPTY;
                }
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
        };
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
