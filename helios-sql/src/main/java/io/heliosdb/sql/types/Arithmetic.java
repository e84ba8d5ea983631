package io.heliosdb.sql.types;

import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/** Arithmetic on non-null values of one type, with PostgreSQL's overflow and division rules. */
public final class Arithmetic {

    /** The arithmetic operators. */
    public enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO }

    private Arithmetic() {
    }

    /** {@code left op right} where both operands already have type {@code type}. */
    public static BinaryOperator<Object> operator(Op op, SqlType type) {
        return switch (type) {
            case SMALLINT -> (a, b) -> (short) narrow(integral(op, ((Short) a).longValue(), ((Short) b).longValue(), "smallint"),
                    Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> (a, b) -> (int) narrow(integral(op, ((Integer) a).longValue(), ((Integer) b).longValue(), "integer"),
                    Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> (a, b) -> integral(op, (Long) a, (Long) b, "bigint");
            case NUMERIC -> (a, b) -> numeric(op, (BigDecimal) a, (BigDecimal) b);
            case DOUBLE -> (a, b) -> floating(op, (Double) a, (Double) b);
            case REAL -> (a, b) -> {
                double d = floating(op, ((Float) a).doubleValue(), ((Float) b).doubleValue());
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw Errors.floatOverflow();
                }
                return f;
            };
            default -> throw new IllegalStateException("no arithmetic on " + type);
        };
    }

    /** {@code date + integer}, {@code date - integer}. */
    public static BinaryOperator<Object> dateShift(boolean add) {
        return (d, n) -> ((LocalDate) d).plusDays(add ? (Integer) n : -(long) (Integer) n);
    }

    /** {@code date - date}: whole days as an integer. */
    public static BinaryOperator<Object> dateDifference() {
        return (a, b) -> (int) ChronoUnit.DAYS.between((LocalDate) b, (LocalDate) a);
    }

    /** Unary minus. */
    public static UnaryOperator<Object> negate(SqlType type) {
        return switch (type) {
            case SMALLINT -> v -> (short) narrow(-(long) (Short) v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> v -> (int) narrow(-(long) (Integer) v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> v -> {
                long l = (Long) v;
                if (l == Long.MIN_VALUE) {
                    throw Errors.outOfRange("bigint");
                }
                return -l;
            };
            case NUMERIC -> v -> ((BigDecimal) v).negate();
            case DOUBLE -> v -> -(Double) v;
            case REAL -> v -> -(Float) v;
            default -> throw new IllegalStateException("no negation of " + type);
        };
    }

    private static long narrow(long v, long min, long max, String typeName) {
        if (v < min || v > max) {
            throw Errors.outOfRange(typeName);
        }
        return v;
    }

    private static long integral(Op op, long a, long b, String typeName) {
        try {
            return switch (op) {
                case ADD -> Math.addExact(a, b);
                case SUBTRACT -> Math.subtractExact(a, b);
                case MULTIPLY -> Math.multiplyExact(a, b);
                case DIVIDE -> {
                    if (b == 0) {
                        throw Errors.divisionByZero();
                    }
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw Errors.outOfRange(typeName);
                    }
                    yield a / b;
                }
                case MODULO -> {
                    if (b == 0) {
                        throw Errors.divisionByZero();
                    }
                    yield b == -1 ? 0 : a % b;
                }
            };
        } catch (ArithmeticException e) {
            throw Errors.outOfRange(typeName);
        }
    }

    private static BigDecimal numeric(Op op, BigDecimal a, BigDecimal b) {
        return switch (op) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> NumericDivision.divide(a, b);
            case MODULO -> {
                if (b.signum() == 0) {
                    throw Errors.divisionByZero();
                }
                yield a.remainder(b);
            }
        };
    }

    private static double floating(Op op, double a, double b) {
        double r = switch (op) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> {
                if (b == 0) {
                    throw Errors.divisionByZero();
                }
                yield a / b;
            }
            case MODULO -> throw new IllegalStateException("no float modulo");
        };
        if (Double.isInfinite(r) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
            throw Errors.floatOverflow();
        }
        return r;
    }
}
