package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Brings a value to the Java class of its SQL type before it is encoded. The executor already
 * coerces values; this accepts the harmless differences (an Integer for a bigint column, a
 * String for a date) so the encoders never see a ClassCastException.
 */
public final class ValueCoercion {

    private ValueCoercion() {
    }

    public static Object coerce(SqlType type, Object value) {
        if (value == null || type.javaClass().isInstance(value) && type != SqlType.UNKNOWN) {
            return value;
        }
        if (value instanceof String s && type != SqlType.UNKNOWN) {
            return type.parse(s);
        }
        return switch (type) {
            case SMALLINT -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, type);
            case INTEGER -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case BIGINT -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE, type);
            case REAL -> number(value, type).floatValue();
            case DOUBLE -> number(value, type).doubleValue();
            case NUMERIC -> decimal(number(value, type));
            case TEXT, VARCHAR, UNKNOWN, CHAR -> value.toString();
            case TIMESTAMPTZ -> {
                if (value instanceof java.time.Instant i) {
                    yield i.atOffset(java.time.ZoneOffset.UTC);
                }
                if (value instanceof java.time.ZonedDateTime z) {
                    yield z.toOffsetDateTime();
                }
                throw mismatch(type, value);
            }
            case TIME, INTERVAL, BYTEA, UUID -> throw mismatch(type, value);
            case DATE -> {
                if (value instanceof LocalDateTime ts) {
                    yield ts.toLocalDate();
                }
                throw mismatch(type, value);
            }
            case TIMESTAMP -> {
                if (value instanceof LocalDate d) {
                    yield d.atStartOfDay();
                }
                throw mismatch(type, value);
            }
            default -> throw mismatch(type, value);
        };
    }

    private static Number number(Object value, SqlType type) {
        if (value instanceof Number n) {
            return n;
        }
        throw mismatch(type, value);
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "cannot convert " + d + " to numeric");
            }
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static long integral(Object value, long min, long max, SqlType type) {
        Number n = number(value, type);
        BigDecimal exact = decimal(n);
        BigInteger integer;
        try {
            integer = exact.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type " + type.sqlName() + ": \"" + exact.toPlainString() + "\"");
        }
        if (integer.compareTo(BigInteger.valueOf(min)) < 0 || integer.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type.sqlName() + " out of range");
        }
        return integer.longValue();
    }

    private static HeliosException mismatch(SqlType type, Object value) {
        return new HeliosException(SqlState.DATATYPE_MISMATCH,
                "a value of Java class " + value.getClass().getSimpleName() + " cannot be stored as "
                        + type.sqlName());
    }
}
