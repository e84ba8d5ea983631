package io.heliosdb.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/** PostgreSQL's text forms of values (output as psql shows them, input as PostgreSQL accepts them). */
final class TextCodec {
    private static final DateTimeFormatter TIMESTAMP_OUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP_IN = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter(Locale.ROOT);

    private TextCodec() {
    }

    static String format(SqlType type, Object value) {
        if (value == null) {
            return null;
        }
        if (type.isArray()) {
            return ArrayText.format(type, (java.util.List<?>) value);
        }
        return switch (type) {
            case BOOLEAN -> ((Boolean) value) ? "t" : "f";
            case REAL -> formatFloat(((Number) value).floatValue());
            case DOUBLE -> formatDouble(((Number) value).doubleValue());
            case NUMERIC -> ((BigDecimal) value).toPlainString();
            case TIMESTAMP -> TIMESTAMP_OUT.format((LocalDateTime) value);
            case DATE -> {
                // ISO's "+10000-01-01" for years past 9999; PostgreSQL prints "10000-01-01".
                String iso = value.toString();
                yield iso.startsWith("+") ? iso.substring(1) : iso;
            }
            case TIMESTAMPTZ -> TemporalText.formatTimestampTz((java.time.OffsetDateTime) value);
            case TIME -> TemporalText.formatTime((java.time.LocalTime) value);
            case TIMETZ -> TimeTzText.format((java.time.OffsetTime) value);
            case BYTEA -> "\\x" + java.util.HexFormat.of().formatHex((byte[]) value);
            default -> value.toString();
        };
    }

    static Object parse(SqlType type, String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (type.isArray()) {
            return ArrayText.parse(type, text);
        }
        try {
            return switch (type) {
                case BOOLEAN -> parseBoolean(s, text);
                case SMALLINT -> {
                    long v = parseLong(s, type, text);
                    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                        throw outOfRange(text, "smallint");
                    }
                    yield (short) v;
                }
                case INTEGER -> {
                    long v = parseLong(s, type, text);
                    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                        throw outOfRange(text, "integer");
                    }
                    yield (int) v;
                }
                case BIGINT -> parseLong(s, type, text);
                case REAL -> (float) parseDouble(s, type, text);
                case DOUBLE -> parseDouble(s, type, text);
                case NUMERIC -> new BigDecimal(s);
                case DATE -> LocalDate.parse(s);
                case TIMESTAMP -> LocalDateTime.parse(s, TIMESTAMP_IN);
                // jsonb is normalised by the engine's casts; here both JSON types keep the text.
                case TEXT, VARCHAR, UNKNOWN, CHAR, JSON, JSONB -> text;
                case TIMESTAMPTZ -> TemporalText.parseTimestampTz(text, java.time.ZoneOffset.UTC);
                case TIME -> TemporalText.parseTime(text);
                case TIMETZ -> TimeTzText.parse(text, java.time.ZoneOffset.UTC);
                case INTERVAL -> Interval.parse(text);
                case BYTEA -> ByteaText.parse(text);
                case UUID -> parseUuid(s, text);
                case RECORD -> throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                        "input of anonymous composite types is not implemented");
                default -> throw invalid(type, text);
            };
        } catch (NumberFormatException e) {
            throw invalid(type, text);
        } catch (DateTimeParseException e) {
            throw new HeliosException(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + type.sqlName() + ": \"" + text + "\"");
        }
    }

    private static java.util.UUID parseUuid(String s, String text) {
        // PostgreSQL accepts braces and hyphens after any group of four digits; 32 hex digits must remain.
        String hex = s.startsWith("{") && s.endsWith("}") ? s.substring(1, s.length() - 1) : s;
        hex = hex.replace("-", "");
        if (!hex.matches("[0-9a-fA-F]{32}") || s.startsWith("-") || s.endsWith("-") || s.contains("--")) {
            throw invalid(SqlType.UUID, text);
        }
        return new java.util.UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static Boolean parseBoolean(String s, String text) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "t", "true", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "f", "false", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> throw invalid(SqlType.BOOLEAN, text);
        };
    }

    private static long parseLong(String s, SqlType type, String text) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            if (s.matches("[+-]?\\d+")) {
                throw outOfRange(text, type.sqlName());
            }
            throw invalid(type, text);
        }
    }

    private static double parseDouble(String s, SqlType type, String text) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity":
            case "+infinity":
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity":
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw invalid(type, text);
                }
                return Double.parseDouble(s);
        }
    }

    /** Shortest text that reads back as the same double, in PostgreSQL's style (1e+20, not 1.0E20). */
    static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return styleJavaNumber(Double.toString(d), Math.abs(d), 1e15);
    }

    static String formatFloat(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        return styleJavaNumber(Float.toString(f), Math.abs(f), 1e6);
    }

    /**
     * PostgreSQL prints the shortest exact digits, switching to exponent form as printf's %g would
     * at its type's precision: from 1e+15 for float8 and from 1e+06 for float4, and below 1e-04.
     */
    private static String styleJavaNumber(String java, double abs, double exponentFrom) {
        if (abs == 0) {
            return java.startsWith("-") ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(java);
        if (abs >= exponentFrom || abs < 1e-4) {
            // PostgreSQL switches to exponent form where printf %g would: 1e+15, 1.5e-05.
            String sci = String.format(Locale.ROOT, "%." + Math.max(0, exact.stripTrailingZeros().precision() - 1) + "e",
                    exact);
            int e = sci.indexOf('e');
            String mantissa = sci.substring(0, e);
            String exp = sci.substring(e + 1);
            int expValue = Integer.parseInt(exp);
            return mantissa + "e" + (expValue < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(expValue));
        }
        return exact.stripTrailingZeros().toPlainString();
    }

    private static HeliosException invalid(SqlType type, String text) {
        return new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + type.sqlName() + ": \"" + text + "\"");
    }

    private static HeliosException outOfRange(String text, String typeName) {
        return new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                "value \"" + text + "\" is out of range for type " + typeName);
    }
}
