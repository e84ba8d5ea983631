package io.heliosdb.sql.types;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text to a value, as PostgreSQL's input functions do it: the API's parser for the canonical forms, plus the
 * corners it leaves to the engine — float input out of range is 22003, and dates accept {@code 2024-3-5} and
 * {@code 20240305} and report impossible fields ({@code 2023-02-29}, hour 25) as 22008, not 22007.
 */
public final class TextInput {
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\s*(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)?\\s*");
    private static final Pattern COMPACT_DATE = Pattern.compile("\\s*(\\d{4})(\\d{2})(\\d{2})\\s*");

    private TextInput() {
    }

    public static Object parse(SqlType to, String text) {
        return switch (to) {
            case DOUBLE, REAL -> checkFloat(to, text, to.parse(text));
            case DATE, TIMESTAMP -> dateTime(to, text);
            case JSONB -> Json.normalize(text);
            case JSON -> Json.validate(text);
            default -> to.parse(text);
        };
    }

    private static Object checkFloat(SqlType to, String text, Object value) {
        double d = ((Number) value).doubleValue();
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        boolean spelledInfinite = t.contains("inf");
        if (Double.isInfinite(d) && !spelledInfinite
                || d == 0 && !t.contains("nan") && t.replaceAll("[eE].*", "").matches(".*[1-9].*")) {
            throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "\"" + text + "\" is out of range for type " + to.sqlName());
        }
        return value;
    }

    private static Object dateTime(SqlType to, String text) {
        HeliosException original;
        try {
            return to.parse(text);
        } catch (HeliosException e) {
            original = e;
        }
        Matcher m = DATE_TIME.matcher(text);
        Matcher c = COMPACT_DATE.matcher(text);
        if (!m.matches() && !c.matches()) {
            throw original;
        }
        Matcher date = m.matches() ? m : c;
        LocalDate day;
        try {
            day = LocalDate.of(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(3)));
        } catch (DateTimeException | NumberFormatException e) {
            throw outOfRange(text);
        }
        if (to == SqlType.DATE) {
            return day;
        }
        LocalTime time = LocalTime.MIDNIGHT;
        if (date == m && m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            String fraction = m.group(7) == null ? "" : m.group(7);
            if (hour > 24 || minute > 59 || second > 60 || hour == 24 && (minute > 0 || second > 0)) {
                throw outOfRange(text);
            }
            long nanos = fraction.isEmpty() ? 0 : Math.round(Double.parseDouble("0." + fraction) * 1_000_000) * 1000L;
            LocalDateTime t = day.atStartOfDay().plusHours(hour).plusMinutes(minute).plusSeconds(second).plusNanos(nanos);
            return t;
        }
        return day.atTime(time);
    }

    private static HeliosException outOfRange(String text) {
        return new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }
}
