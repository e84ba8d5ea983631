package io.heliosdb.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text forms of time with time zone ({@code 10:30:00+02}, {@code 23:59:59.5-07:30}) as PostgreSQL reads
 * and writes them. A value written without a zone takes the offset the given zone has today (or on the date
 * written in front of the time), as PostgreSQL does with the session's TimeZone.
 */
public final class TimeTzText {
    private static final String TYPE = "time with time zone";
    private static final Pattern TIME_TZ = Pattern.compile(
            "(?:(\\d{4,})-(\\d{1,2})-(\\d{1,2})[ T]+)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?\\s*(.*)");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?");
    /** PostgreSQL refuses offsets beyond 15:59:59 (MAX_TZDISP_HOUR). */
    private static final int MAX_OFFSET_HOURS = 15;

    private TimeTzText() {
    }

    /** {@code HH:MM:SS[.ffffff]} and the offset: hours always, minutes and seconds when not zero. */
    public static String format(OffsetTime t) {
        return TemporalText.formatTime(t.toLocalTime()) + TemporalText.offset(t.getOffset());
    }

    /**
     * Parses timetz input; {@code zone} stands in for a missing zone (the session's TimeZone).
     *
     * @throws HeliosException {@code 22007} on malformed input, {@code 22008} for impossible fields,
     *                         {@code 22009} for an offset beyond 15:59:59, {@code 22023} for an unknown zone name
     */
    public static OffsetTime parse(String text, ZoneId zone) {
        String s = text.strip();
        if (s.equalsIgnoreCase("allballs")) {
            return OffsetTime.of(LocalTime.MIDNIGHT, ZoneOffset.UTC);
        }
        Matcher m = TIME_TZ.matcher(s);
        if (!m.matches()) {
            throw invalid(text);
        }
        LocalDate date = null;
        if (m.group(1) != null) {
            try {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException | NumberFormatException e) {
                throw overflow(text);
            }
        }
        long nanos = TemporalText.timeNanos(m.group(4), m.group(5), m.group(6), m.group(7), text);
        LocalTime time = TimeOfDay.ofMicros(nanos / 1_000);
        String spec = m.group(8).strip();
        ZoneOffset offset = spec.isEmpty() ? offsetIn(zone, date, time, text) : offsetOf(spec, date, time, text);
        return OffsetTime.of(time, offset);
    }

    private static ZoneOffset offsetOf(String spec, LocalDate date, LocalTime time, String text) {
        String z = spec.toLowerCase(Locale.ROOT);
        if (z.equals("z") || z.equals("zulu") || z.equals("utc") || z.equals("gmt")) {
            return ZoneOffset.UTC;
        }
        Matcher o = OFFSET.matcher(spec);
        if (o.matches()) {
            int hours = Integer.parseInt(o.group(2));
            int minutes = o.group(3) == null ? 0 : Integer.parseInt(o.group(3));
            int seconds = o.group(4) == null ? 0 : Integer.parseInt(o.group(4));
            if (minutes > 59 || seconds > 59) {
                throw overflow(text);
            }
            if (hours > MAX_OFFSET_HOURS) {
                throw new HeliosException(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE,
                        "time zone displacement out of range: \"" + text + "\"");
            }
            int total = hours * 3600 + minutes * 60 + seconds;
            return ZoneOffset.ofTotalSeconds(o.group(1).equals("-") ? -total : total);
        }
        if (!spec.matches("[A-Za-z][A-Za-z0-9_/+-]*")) {
            throw invalid(text);
        }
        ZoneId named = TemporalText.zoneNamed(spec);
        if (date == null && !named.getRules().isFixedOffset()) {
            // A zone with daylight saving needs a date to know its offset.
            throw invalid(text);
        }
        return offsetIn(named, date, time, text);
    }

    /** The offset {@code zone} has at {@code time} on {@code date} (today in the zone when there is none). */
    private static ZoneOffset offsetIn(ZoneId zone, LocalDate date, LocalTime time, String text) {
        if (zone instanceof ZoneOffset fixed) {
            return fixed;
        }
        LocalDate day = date != null ? date : LocalDate.now(zone);
        return zone.getRules().getOffset(LocalDateTime.of(day, time));
    }

    private static HeliosException invalid(String text) {
        return new HeliosException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type " + TYPE + ": \"" + text + "\"");
    }

    private static HeliosException overflow(String text) {
        return new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }
}
