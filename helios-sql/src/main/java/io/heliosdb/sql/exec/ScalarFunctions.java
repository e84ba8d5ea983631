package io.heliosdb.sql.exec;

import io.heliosdb.sql.analyze.BoundExpr.ScalarCall;
import io.heliosdb.sql.types.Arithmetic;
import io.heliosdb.sql.types.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** The built-in scalar functions. */
final class ScalarFunctions {

    private ScalarFunctions() {
    }

    static Evaluator compile(ScalarCall call, Evaluator[] args) {
        switch (call.function()) {
            case NOW:
                return (row, rt) -> rt.context() == null ? LocalDateTime.now().truncatedTo(ChronoUnit.MICROS)
                        : rt.context().transactionTimestamp();
            case STATEMENT_TIMESTAMP:
                return (row, rt) -> rt.context() == null ? LocalDateTime.now().truncatedTo(ChronoUnit.MICROS)
                        : rt.context().statementTimestamp();
            case CLOCK_TIMESTAMP:
                return (row, rt) -> LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
            case CURRENT_DATE:
                return (row, rt) -> rt.context() == null ? LocalDate.now() : rt.context().transactionTimestamp().toLocalDate();
            default:
                break;
        }
        Evaluator first = args[0];
        return switch (call.function()) {
            case LOWER -> strict(first, v -> mapCodePoints((String) v, false));
            case UPPER -> strict(first, v -> mapCodePoints((String) v, true));
            case LENGTH -> strict(first, v -> ((String) v).codePointCount(0, ((String) v).length()));
            case ABS -> {
                var negate = Arithmetic.negate(call.type());
                yield strict(first, v -> Values.compare(v, zero(v)) < 0 ? negate.apply(v) : v);
            }
            case COALESCE -> (row, rt) -> {
                for (Evaluator a : args) {
                    Object v = a.evaluate(row, rt);
                    if (v != null) {
                        return v;
                    }
                }
                return null;
            };
            case NULLIF -> (row, rt) -> {
                Object a = args[0].evaluate(row, rt);
                Object b = args[1].evaluate(row, rt);
                return a != null && b != null && Values.compare(a, b) == 0 ? null : a;
            };
            case ROUND -> round(call, args);
            case NOW, CURRENT_DATE, STATEMENT_TIMESTAMP, CLOCK_TIMESTAMP -> throw new IllegalStateException("handled above");
        };
    }

    private static Evaluator round(ScalarCall call, Evaluator[] args) {
        if (call.args().get(0).type() == io.heliosdb.api.SqlType.DOUBLE) {
            return strict(args[0], v -> Math.rint((Double) v));
        }
        if (args.length == 1) {
            return strict(args[0], v -> ((BigDecimal) v).setScale(0, RoundingMode.HALF_UP));
        }
        return (row, rt) -> {
            Object v = args[0].evaluate(row, rt);
            Object digits = args[1].evaluate(row, rt);
            if (v == null || digits == null) {
                return null;
            }
            BigDecimal rounded = ((BigDecimal) v).setScale((Integer) digits, RoundingMode.HALF_UP);
            return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
        };
    }

    private static Object zero(Object v) {
        if (v instanceof Short) {
            return (short) 0;
        } else if (v instanceof Integer) {
            return 0;
        } else if (v instanceof Long) {
            return 0L;
        } else if (v instanceof Float) {
            return 0f;
        } else if (v instanceof Double) {
            return 0d;
        }
        return BigDecimal.ZERO;
    }

    private static Evaluator strict(Evaluator arg, java.util.function.UnaryOperator<Object> f) {
        return (row, rt) -> {
            Object v = arg.evaluate(row, rt);
            return v == null ? null : f.apply(v);
        };
    }

    /** One character in, one out, as PostgreSQL's lower/upper do (Java's toUpperCase turns ß into SS). */
    private static String mapCodePoints(String s, boolean upper) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return sb.toString();
    }
}
