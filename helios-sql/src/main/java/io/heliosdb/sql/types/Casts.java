package io.heliosdb.sql.types;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.UnaryOperator;

/** Value conversions between SQL types, with PostgreSQL's rounding, range and length rules. */
public final class Casts {
    private static final BigDecimal MIN_LONG = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private Casts() {
    }

    /**
     * A conversion from {@code from} to {@code to} (typmod -1 for none). Explicit casts truncate an
     * over-long varchar; assignments refuse it with {@code 22001}. Null maps to null.
     */
    public static UnaryOperator<Object> converter(SqlType from, SqlType to, int typmod, boolean explicit) {
        UnaryOperator<Object> base = to == SqlType.INTERVAL && IntervalFields.restricts(typmod)
                && (from == SqlType.UNKNOWN || TypeRules.isString(from))
                ? v -> io.heliosdb.api.Interval.parse(v.toString(), io.heliosdb.api.IntervalTypmod.range(typmod))
                : baseConverter(from, to);
        UnaryOperator<Object> withMod = applyTypmod(base, to, typmod, explicit);
        return v -> v == null ? null : withMod.apply(v);
    }

    /** Converts one value (null-safe); used for literals and parameters. */
    public static Object convert(Object value, SqlType from, SqlType to, int typmod, boolean explicit) {
        return converter(from, to, typmod, explicit).apply(value);
    }

    /** Converts a client-supplied parameter value (Java object of any supported class, or text) to {@code to}. */
    public static Object parameter(Object value, SqlType to) {
        if (value == null) {
            return null;
        }
        SqlType from = typeOfValue(value);
        if (from == null) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH,
                    "parameter of Java class " + value.getClass().getName() + " cannot be used as " + to.sqlName());
        }
        if (from == to) {
            return value;
        }
        if (!TypeRules.explicitCast(from, to)) {
            throw new HeliosException(SqlState.DATATYPE_MISMATCH,
                    "parameter of type " + from.sqlName() + " cannot be used as " + to.sqlName());
        }
        return convert(value, from, to, -1, true);
    }

    /** The SQL type whose Java class this value has, or null. */
    public static SqlType typeOfValue(Object value) {
        if (value instanceof String) {
            return SqlType.TEXT;
        } else if (value instanceof Integer) {
            return SqlType.INTEGER;
        } else if (value instanceof Long) {
            return SqlType.BIGINT;
        } else if (value instanceof Short) {
            return SqlType.SMALLINT;
        } else if (value instanceof Byte) {
            return SqlType.SMALLINT;
        } else if (value instanceof BigDecimal || value instanceof java.math.BigInteger) {
            return SqlType.NUMERIC;
        } else if (value instanceof Double) {
            return SqlType.DOUBLE;
        } else if (value instanceof Float) {
            return SqlType.REAL;
        } else if (value instanceof Boolean) {
            return SqlType.BOOLEAN;
        } else if (value instanceof LocalDate) {
            return SqlType.DATE;
        } else if (value instanceof LocalDateTime) {
            return SqlType.TIMESTAMP;
        } else if (value instanceof java.time.OffsetDateTime || value instanceof java.time.Instant
                || value instanceof java.time.ZonedDateTime) {
            return SqlType.TIMESTAMPTZ;
        } else if (value instanceof java.time.LocalTime) {
            return SqlType.TIME;
        } else if (value instanceof java.time.OffsetTime) {
            return SqlType.TIMETZ;
        } else if (value instanceof io.heliosdb.api.Interval) {
            return SqlType.INTERVAL;
        } else if (value instanceof byte[]) {
            return SqlType.BYTEA;
        } else if (value instanceof java.util.UUID) {
            return SqlType.UUID;
        } else if (value instanceof java.util.List<?> list) {
            // A client's list: its first non-null element names the array type.
            SqlType element = list.stream().filter(java.util.Objects::nonNull).findFirst().map(Casts::typeOfValue)
                    .orElse(SqlType.TEXT);
            return element == null ? null : element.arrayType();
        }
        return null;
    }

    private static UnaryOperator<Object> baseConverter(SqlType from, SqlType to) {
        if (from == SqlType.CHAR && to != SqlType.CHAR && TypeRules.isString(to)) {
            return v -> CharPadding.strip((String) v);
        }
        if (from == to || (TypeRules.isString(from) || from == SqlType.UNKNOWN) && TypeRules.isString(to)) {
            return v -> v;
        }
        if (from.isArray() && to.isArray()) {
            UnaryOperator<Object> element = converter(from.elementType(), to.elementType(), -1, true);
            return new UnaryOperator<>() {
                @Override
                public Object apply(Object v) {
                    // Sub-arrays of a multi-dimensional array convert element by element too.
                    return java.util.Collections.unmodifiableList(((java.util.List<?>) v).stream()
                            .map(e -> e instanceof java.util.List ? apply(e) : element.apply(e))
                            .collect(java.util.stream.Collectors.toList()));
                }
            };
        }
        if (from == SqlType.JSON && to == SqlType.JSONB) {
            return v -> Json.normalize((String) v);
        }
        if (from == SqlType.JSONB && (to.isNumeric() || to == SqlType.BOOLEAN)) {
            return jsonbScalar(to);
        }
        if (from == SqlType.JSONB && (to == SqlType.JSON || TypeRules.isString(to)) || from == SqlType.JSON && TypeRules.isString(to)) {
            return v -> v;
        }
        UnaryOperator<Object> temporal = TemporalCasts.converter(from, to, java.time.ZoneOffset.UTC);
        if (temporal != null) {
            return temporal;
        }
        if (from == SqlType.UNKNOWN || TypeRules.isString(from)) {
            return v -> TextInput.parse(to, v.toString());
        }
        if (TypeRules.isString(to)) {
            return v -> toText(from, v);
        }
        if (to == SqlType.UUID || to == SqlType.BYTEA || to == SqlType.INTERVAL) {
            throw new IllegalStateException("no cast from " + from + " to " + to);
        }
        return switch (to) {
            case SMALLINT -> v -> (short) checkedLong(v, from, Short.MIN_VALUE, Short.MAX_VALUE, "smallint");
            case INTEGER -> from == SqlType.BOOLEAN
                    ? v -> ((Boolean) v) ? 1 : 0
                    : v -> (int) checkedLong(v, from, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer");
            case BIGINT -> v -> checkedLong(v, from, Long.MIN_VALUE, Long.MAX_VALUE, "bigint");
            case NUMERIC -> v -> toNumeric(v, from);
            case DOUBLE -> v -> v instanceof BigDecimal d ? checkedDouble(d.doubleValue()) : ((Number) v).doubleValue();
            case REAL -> v -> toReal(v);
            case BOOLEAN -> v -> ((Number) v).intValue() != 0;
            case TIMESTAMP -> v -> ((LocalDate) v).atStartOfDay();
            case DATE -> v -> ((LocalDateTime) v).toLocalDate();
            default -> throw new IllegalStateException("no cast from " + from + " to " + to);
        };
    }

    /** PostgreSQL's text form of a value, as a cast to text gives it ({@code true}, not {@code t}). */
    /** jsonb to a number or boolean: the document must be that JSON scalar (22023 otherwise), converted as numeric. */
    private static UnaryOperator<Object> jsonbScalar(SqlType to) {
        String wanted = to == SqlType.BOOLEAN ? "boolean" : "number";
        UnaryOperator<Object> fromNumeric = to == SqlType.BOOLEAN ? v -> v : baseConverter(SqlType.NUMERIC, to);
        return v -> {
            Object tree = Json.parse((String) v, true);
            String kind = Json.typeOf(tree);
            if (!kind.equals(wanted)) {
                throw new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.INVALID_PARAMETER_VALUE,
                        "cannot cast jsonb " + kind + " to type " + to.sqlName());
            }
            return fromNumeric.apply(tree);
        };
    }

    public static String toText(SqlType from, Object v) {
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        SqlType type = from == SqlType.UNKNOWN ? typeOfValue(v) : from;
        return type == null ? v.toString() : type.format(v);
    }

    private static long checkedLong(Object v, SqlType from, long min, long max, String typeName) {
        long result;
        if (v instanceof BigDecimal d) {
            BigDecimal rounded = d.setScale(0, RoundingMode.HALF_UP);
            if (rounded.compareTo(MIN_LONG) < 0 || rounded.compareTo(MAX_LONG) > 0) {
                throw Errors.outOfRange(typeName);
            }
            result = rounded.longValueExact();
        } else if (v instanceof Double || v instanceof Float) {
            double d = Math.rint(((Number) v).doubleValue());
            if (Double.isNaN(d) || d < -9.223372036854775808E18 || d >= 9.223372036854775808E18) {
                throw Errors.outOfRange(typeName);
            }
            result = (long) d;
        } else {
            result = ((Number) v).longValue();
        }
        if (result < min || result > max) {
            throw Errors.outOfRange(typeName);
        }
        return result;
    }

    private static BigDecimal toNumeric(Object v, SqlType from) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                        "cannot convert " + formatSpecial(d) + " to numeric");
            }
            // PostgreSQL keeps DBL_DIG (15) or FLT_DIG (6) significant digits when converting floats.
            int digits = v instanceof Float ? 6 : 15;
            BigDecimal exact = new BigDecimal(d).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            return exact.scale() < 0 ? exact.setScale(0) : exact;
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    private static String formatSpecial(double d) {
        return Double.isNaN(d) ? "NaN" : "infinity";
    }

    private static Object toReal(Object v) {
        double d = v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw Errors.floatOverflow();
        }
        return f;
    }

    private static double checkedDouble(double d) {
        if (Double.isInfinite(d)) {
            throw Errors.floatOverflow();
        }
        return d;
    }

    private static UnaryOperator<Object> applyTypmod(UnaryOperator<Object> base, SqlType to, int typmod, boolean explicit) {
        if (TemporalPrecision.adjusts(to, typmod)) {
            return v -> TemporalPrecision.round(base.apply(v), to, typmod);
        }
        if (to.isArray() && to.elementType() != null && TemporalPrecision.adjusts(to.elementType(), typmod)) {
            return v -> TemporalPrecision.roundElements(base.apply(v), to.elementType(), typmod);
        }
        if (typmod < 4) {
            return base;
        }
        if (to == SqlType.CHAR) {
            return v -> CharPadding.fit((String) base.apply(v), typmod - 4, explicit);
        }
        if (to == SqlType.VARCHAR) {
            int max = typmod - 4;
            return v -> fitVarchar((String) base.apply(v), max, explicit);
        }
        if (to == SqlType.NUMERIC) {
            int precision = (typmod - 4) >> 16;
            int scale = (typmod - 4) & 0xffff;
            return v -> fitNumeric((BigDecimal) base.apply(v), precision, scale);
        }
        return base;
    }

    private static String fitVarchar(String s, int max, boolean explicit) {
        int length = s.codePointCount(0, s.length());
        if (length <= max) {
            return s;
        }
        int cut = s.offsetByCodePoints(0, max);
        // An assignment may drop trailing spaces only (SQL standard); anything else is an error.
        if (!explicit && !s.substring(cut).isBlank()) {
            throw new HeliosException(SqlState.STRING_DATA_RIGHT_TRUNCATION,
                    "value too long for type character varying(" + max + ")");
        }
        return s.substring(0, cut);
    }

    private static BigDecimal fitNumeric(BigDecimal d, int precision, int scale) {
        BigDecimal scaled = d.setScale(scale, RoundingMode.HALF_UP);
        int integerDigits = scaled.precision() - scaled.scale();
        if (scaled.signum() != 0 && integerDigits > precision - scale) {
            throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric field overflow",
                    "A field with precision " + precision + ", scale " + scale
                            + " must round to an absolute value less than " + (precision == scale ? "1" : "10^" + (precision - scale)) + ".",
                    null, 0, null);
        }
        return scaled;
    }
}
