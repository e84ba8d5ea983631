package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.types.Arithmetic;
import io.heliosdb.sql.types.Errors;
import io.heliosdb.sql.types.NumericDivision;
import io.heliosdb.sql.types.Values;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BinaryOperator;

/** The running state of one aggregate call for one group. */
abstract class Accumulator {
    private final Set<Object> distinctSeen;

    Accumulator(boolean distinct) {
        this.distinctSeen = distinct ? new HashSet<>() : null;
    }

    /** Adds an input value (null for count(*)'s "row"). */
    final void add(Object value, boolean countStar) {
        if (countStar) {
            accept(null);
            return;
        }
        if (value == null) {
            return;
        }
        if (distinctSeen != null && !distinctSeen.add(Values.groupingKey(value))) {
            return;
        }
        accept(value);
    }

    abstract void accept(Object value);

    abstract Object result();

    static Accumulator create(AggregateCall call) {
        boolean distinct = call.distinct();
        SqlType argType = call.argument() == null ? null : call.argument().type();
        return switch (call.kind()) {
            case COUNT_STAR, COUNT -> new Count(distinct);
            case SUM -> IntegerSum.accepts(argType)
                    ? new IntegerTotal(distinct, call.type() == SqlType.BIGINT)
                    : new Sum(distinct, argType, call.type());
            case AVG -> IntegerSum.accepts(argType) ? new IntegerAverage(distinct) : new Avg(distinct, argType, call.type());
            case MIN -> new Extreme(distinct, false);
            case MAX -> new Extreme(distinct, true);
            case BOOL_AND -> new Logical(distinct, true);
            case BOOL_OR -> new Logical(distinct, false);
            case STRING_AGG -> new StringAgg(distinct);
            case ARRAY_AGG, JSON_AGG, JSONB_AGG, JSON_OBJECT_AGG, JSONB_OBJECT_AGG -> new CollectingAccumulator(call);
        };
    }

    private static final class Count extends Accumulator {
        private long count;

        Count(boolean distinct) {
            super(distinct);
        }

        @Override
        void accept(Object value) {
            count++;
        }

        @Override
        Object result() {
            return count;
        }
    }

    /** sum over numeric, real and double (integer inputs go to {@link IntegerTotal}). */
    private static final class Sum extends Accumulator {
        private final BinaryOperator<Object> add;
        private final SqlType argType;
        private final SqlType resultType;
        private Object total;

        Sum(boolean distinct, SqlType argType, SqlType resultType) {
            super(distinct);
            this.argType = argType;
            this.resultType = resultType;
            this.add = Arithmetic.operator(Arithmetic.Op.ADD, resultType);
        }

        @Override
        void accept(Object value) {
            Object v = widen(value, argType, resultType);
            total = total == null ? v : add.apply(total, v);
        }

        @Override
        Object result() {
            return total;
        }
    }

    /**
     * sum over smallint/integer (bigint result; overflow is "bigint out of range" as for {@code +}) or
     * bigint (numeric result), accumulated in a long until it overflows.
     */
    private static final class IntegerTotal extends Accumulator {
        private final boolean bigintResult;
        private final IntegerSum sum = new IntegerSum();
        private boolean any;

        IntegerTotal(boolean distinct, boolean bigintResult) {
            super(distinct);
            this.bigintResult = bigintResult;
        }

        @Override
        void accept(Object value) {
            any = true;
            sum.add(((Number) value).longValue());
            if (bigintResult && sum.overflowed()) {
                throw Errors.outOfRange("bigint");
            }
        }

        @Override
        Object result() {
            if (!any) {
                return null;
            }
            return bigintResult ? (Object) sum.longValue() : sum.decimalValue();
        }
    }

    /** avg over smallint/integer/bigint: a numeric quotient of the exact sum, with PostgreSQL's scale. */
    private static final class IntegerAverage extends Accumulator {
        private final IntegerSum sum = new IntegerSum();
        private long count;

        IntegerAverage(boolean distinct) {
            super(distinct);
        }

        @Override
        void accept(Object value) {
            count++;
            sum.add(((Number) value).longValue());
        }

        @Override
        Object result() {
            return count == 0 ? null : NumericDivision.divide(sum.decimalValue(), BigDecimal.valueOf(count));
        }
    }

    static Object widen(Object value, SqlType from, SqlType to) {
        if (from == to) {
            return value;
        }
        return switch (to) {
            case BIGINT -> ((Number) value).longValue();
            case NUMERIC -> value instanceof BigDecimal ? value : BigDecimal.valueOf(((Number) value).longValue());
            case DOUBLE -> ((Number) value).doubleValue();
            default -> value;
        };
    }

    private static final class Avg extends Accumulator {
        private final SqlType argType;
        private final boolean floating;
        private BigDecimal sum = BigDecimal.ZERO;
        private double floatSum;
        private long count;

        Avg(boolean distinct, SqlType argType, SqlType resultType) {
            super(distinct);
            this.argType = argType;
            this.floating = resultType == SqlType.DOUBLE;
        }

        @Override
        void accept(Object value) {
            count++;
            if (floating) {
                floatSum += ((Number) value).doubleValue();
                if (Double.isInfinite(floatSum) && !Double.isInfinite(((Number) value).doubleValue())) {
                    throw Errors.floatOverflow();
                }
            } else {
                sum = sum.add((BigDecimal) widen(value, argType, SqlType.NUMERIC));
            }
        }

        @Override
        Object result() {
            if (count == 0) {
                return null;
            }
            return floating ? floatSum / count : NumericDivision.divide(sum, BigDecimal.valueOf(count));
        }
    }

    /** bool_and/every ({@code and}) and bool_or: NULL over no non-NULL input. */
    private static final class Logical extends Accumulator {
        private final boolean and;
        private Boolean result;

        Logical(boolean distinct, boolean and) {
            super(distinct);
            this.and = and;
        }

        @Override
        void accept(Object value) {
            boolean v = (Boolean) value;
            result = result == null ? v : and ? result && v : result || v;
        }

        @Override
        Object result() {
            return result;
        }
    }

    private static final class Extreme extends Accumulator {
        private final boolean max;
        private Object best;

        Extreme(boolean distinct, boolean max) {
            super(distinct);
            this.max = max;
        }

        @Override
        void accept(Object value) {
            if (best == null) {
                best = value;
            } else {
                int c = Values.compare(value, best);
                if (max ? c > 0 : c < 0) {
                    best = value;
                }
            }
        }

        @Override
        Object result() {
            return best;
        }
    }

    /** string_agg's input: a non-null value and the delimiter written before it (null delimiter = none). */
    record StringAggInput(String value, String separator) {
    }

    /** string_agg: the values joined, each after its own row's delimiter; NULL over no input. */
    private static final class StringAgg extends Accumulator {
        private StringBuilder text;

        StringAgg(boolean distinct) {
            super(distinct);
        }

        @Override
        void accept(Object value) {
            StringAggInput in = (StringAggInput) value;
            if (text == null) {
                text = new StringBuilder(in.value());
            } else {
                text.append(in.separator() == null ? "" : in.separator()).append(in.value());
            }
        }

        @Override
        Object result() {
            return text == null ? null : text.toString();
        }
    }
}
