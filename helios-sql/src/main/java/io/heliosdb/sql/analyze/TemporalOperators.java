package io.heliosdb.sql.analyze;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.Arithmetic.Op;
import java.util.List;

/**
 * The date/time operators PostgreSQL has beyond {@code date ± integer}: timestamps, dates and times
 * shifted by intervals, differences of timestamps, and interval arithmetic. Each becomes a built-in
 * call named after the operator ({@code +interval}, {@code -timestamp}, ...) that {@code exec.TemporalFunctions} runs.
 */
final class TemporalOperators {

    private TemporalOperators() {
    }

    private static boolean isTemporal(SqlType t) {
        return t == SqlType.TIMESTAMP || t == SqlType.TIMESTAMPTZ || t == SqlType.DATE || t == SqlType.TIME
                || t == SqlType.TIMETZ || t == SqlType.INTERVAL;
    }

    /** The operator, or null when neither side is a date/time type it applies to (the caller goes on). */
    static BoundExpr bind(ExpressionBinder binder, Op op, BoundExpr l, BoundExpr r) {
        SqlType lt = l.type();
        SqlType rt = r.type();
        if (!isTemporal(lt) && !isTemporal(rt)) {
            return null;
        }
        // An untyped literal beside a timestamp is an interval for +, the same type for - (PostgreSQL's rules).
        if (rt == SqlType.UNKNOWN && lt != SqlType.DATE) {
            // timetz has no timetz - timetz, so its untyped operand is an interval for - too.
            r = binder.coerce(r, op == Op.SUBTRACT && lt != SqlType.INTERVAL && lt != SqlType.TIMETZ ? lt
                    : op == Op.MULTIPLY || op == Op.DIVIDE ? SqlType.DOUBLE : SqlType.INTERVAL);
            rt = r.type();
        } else if (lt == SqlType.UNKNOWN && rt != SqlType.DATE) {
            l = binder.coerce(l, op == Op.MULTIPLY ? SqlType.DOUBLE : SqlType.INTERVAL);
            lt = l.type();
        }
        if (op == Op.ADD && lt == SqlType.INTERVAL && rt != SqlType.INTERVAL && isTemporal(rt)) {
            return bind(binder, op, r, l);
        }
        if (op == Op.ADD || op == Op.SUBTRACT) {
            String sign = op == Op.ADD ? "+" : "-";
            if (rt == SqlType.INTERVAL) {
                return switch (lt) {
                    case TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> call(sign + "interval", lt, l, r);
                    case DATE -> call(sign + "interval", SqlType.TIMESTAMP, binder.coerce(l, SqlType.TIMESTAMP), r);
                    default -> null;
                };
            }
            if (op == Op.ADD && (lt == SqlType.DATE && rt == SqlType.TIME || lt == SqlType.TIME && rt == SqlType.DATE)) {
                BoundExpr date = lt == SqlType.DATE ? l : r;
                BoundExpr time = lt == SqlType.DATE ? r : l;
                return call("+interval", SqlType.TIMESTAMP, binder.coerce(date, SqlType.TIMESTAMP), binder.coerce(time, SqlType.INTERVAL));
            }
            if (op == Op.ADD && (lt == SqlType.DATE && rt == SqlType.TIMETZ || lt == SqlType.TIMETZ && rt == SqlType.DATE)) {
                // date + timetz is the instant of that wall-clock time at the value's own offset.
                return call("+timetz", SqlType.TIMESTAMPTZ, lt == SqlType.DATE ? l : r, lt == SqlType.DATE ? r : l);
            }
            if (op == Op.SUBTRACT && lt == rt && (lt == SqlType.TIMESTAMP || lt == SqlType.TIMESTAMPTZ || lt == SqlType.TIME)) {
                return call("-timestamp", SqlType.INTERVAL, l, r);
            }
            if (op == Op.SUBTRACT && lt != rt && isTimestamp(lt) && isTimestamp(rt)) {
                SqlType common = lt == SqlType.TIMESTAMPTZ || rt == SqlType.TIMESTAMPTZ ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP;
                return call("-timestamp", SqlType.INTERVAL, binder.coerce(l, common), binder.coerce(r, common));
            }
            return null;
        }
        if (op == Op.MULTIPLY && lt == SqlType.INTERVAL && rt.isNumeric()) {
            return call("*interval", SqlType.INTERVAL, l, binder.coerce(r, SqlType.DOUBLE));
        }
        if (op == Op.MULTIPLY && rt == SqlType.INTERVAL && lt.isNumeric()) {
            return call("*interval", SqlType.INTERVAL, r, binder.coerce(l, SqlType.DOUBLE));
        }
        if (op == Op.DIVIDE && lt == SqlType.INTERVAL && rt.isNumeric()) {
            return call("/interval", SqlType.INTERVAL, l, binder.coerce(r, SqlType.DOUBLE));
        }
        return null;
    }

    private static boolean isTimestamp(SqlType t) {
        return t == SqlType.TIMESTAMP || t == SqlType.TIMESTAMPTZ || t == SqlType.DATE;
    }

    private static BoundExpr call(String name, SqlType type, BoundExpr l, BoundExpr r) {
        return new BuiltinCall(name, List.of(l, r), type);
    }
}
