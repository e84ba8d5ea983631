package io.heliosdb.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text forms of timestamptz and time, and time zone names, as PostgreSQL reads and writes them ({@code 2024-01-02 03:04:05+00}). */
public final class TemporalText {
    private static final Pattern TIMESTAMP_TZ = Pattern.compile(
            "(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?)?\\s*(.*)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d+))?)?");
    private static final Pattern POSIX_OFFSET = Pattern.compile("(?i)(?:utc|gmt)([+-])(\\d{1,2})(?::(\\d{2}))?");
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?");

    private TemporalText() {
    }

    static String formatTimestampTz(OffsetDateTime v) {
        StringBuilder sb = new StringBuilder(TextCodec.format(SqlType.TIMESTAMP, v.toLocalDateTime()));
        sb.append(offset(v.getOffset()));
        return sb.toString();
    }

    /** {@code +00}, {@code +05:30}, {@code -03:00:15}: hours always, minutes and seconds only when not zero. */
    public static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        StringBuilder sb = new StringBuilder(total < 0 ? "-" : "+");
        sb.append(String.format(Locale.ROOT, "%02d", abs / 3600));
        if (abs % 3600 != 0) {
            sb.append(String.format(Locale.ROOT, ":%02d", abs / 60 % 60));
            if (abs % 60 != 0) {
                sb.append(String.format(Locale.ROOT, ":%02d", abs % 60));
            }
        }
        return sb.toString();
    }

    static String formatTime(LocalTime t) {
        if (TimeOfDay.isEndOfDay(t)) {
            return "24:00:00";
        }
        String s = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            s += "." + String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
        }
        return s;
    }

    /** Parses timestamptz input; a value without a zone is read in {@code zone}. The result is in UTC. */
    public static OffsetDateTime parseTimestampTz(String text, ZoneId zone) {
        String s = text.strip();
        Matcher m = TIMESTAMP_TZ.matcher(s);
        if (!m.matches()) {
            throw invalid("timestamp with time zone", text);
        }
        LocalDateTime local;
        try {
            local = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                    .atStartOfDay();
            if (m.group(4) != null) {
                local = local.plusNanos(timeNanos(m.group(4), m.group(5), m.group(6), m.group(7), text));
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw overflow(text);
        }
        ZoneId at = zone(m.group(8), text, zone);
        // A wall-clock time a fall-back transition repeats is read as the later (standard-time) instant, as in PostgreSQL.
        return local.atZone(at).withLaterOffsetAtOverlap().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    static LocalTime parseTime(String text) {
        String s = text.strip();
        // time input may carry a date in front (it is ignored), as PostgreSQL allows.
        int space = s.lastIndexOf(' ');
        if (space > 0 && s.substring(0, space).contains("-")) {
            s = s.substring(space + 1);
        }
        Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            throw invalid("time without time zone", text);
        }
        long nanos = timeNanos(m.group(1), m.group(2), m.group(3), m.group(4), text);
        return TimeOfDay.ofMicros(nanos / 1_000);
    }

    static long timeNanos(String h, String mi, String se, String fraction, String text) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(mi);
        int second = se == null ? 0 : Integer.parseInt(se);
        if (hour > 24 || minute > 59 || second > 60 || hour == 24 && (minute > 0 || second > 0)) {
            throw overflow(text);
        }
        long micros = fraction == null ? 0 : Math.round(Double.parseDouble("0." + fraction) * 1_000_000);
        long total = (hour * 3600L + minute * 60L + second) * 1_000_000L + micros;
        if (total > TimeOfDay.MICROS_PER_DAY) {
            throw overflow(text);
        }
        return total * 1000L;
    }

    private static ZoneId zone(String spec, String text, ZoneId fallback) {
        String z = spec.strip();
        if (z.isEmpty()) {
            return fallback;
        }
        if (z.equalsIgnoreCase("z") || z.equalsIgnoreCase("utc") || z.equalsIgnoreCase("gmt")) {
            return ZoneOffset.UTC;
        }
        Matcher o = OFFSET.matcher(z);
        try {
            if (o.matches()) {
                int seconds = Integer.parseInt(o.group(2)) * 3600 + (o.group(3) == null ? 0 : Integer.parseInt(o.group(3)) * 60)
                        + (o.group(4) == null ? 0 : Integer.parseInt(o.group(4)));
                return ZoneOffset.ofTotalSeconds(o.group(1).equals("-") ? -seconds : seconds);
            }
            return zoneNamed(z);
        } catch (DateTimeException e) {
            throw new HeliosException(SqlState.INVALID_DATETIME_FORMAT, "time zone \"" + z + "\" not recognized");
        }
    }

    /** A time zone as the TimeZone setting names it ({@code UTC}, {@code Europe/Paris}, {@code +02:00}). */
    public static ZoneId zoneNamed(String name) {
        String z = name.strip();
        if (z.equalsIgnoreCase("utc") || z.equalsIgnoreCase("gmt") || z.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        Matcher posix = POSIX_OFFSET.matcher(z);
        if (posix.matches()) {
            // POSIX zone names count hours west of Greenwich: UTC+5 is five hours behind UTC.
            int seconds = Integer.parseInt(posix.group(2)) * 3600 + (posix.group(3) == null ? 0 : Integer.parseInt(posix.group(3)) * 60);
            try {
                return ZoneOffset.ofTotalSeconds(posix.group(1).equals("+") ? -seconds : seconds);
            } catch (DateTimeException e) {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + z + "\" not recognized");
            }
        }
        try {
            return ZoneId.of(z, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            // PostgreSQL reads a bare number as hours east of UTC in SET TIME ZONE.
            if (z.matches("[+-]?\\d{1,2}")) {
                return ZoneOffset.ofHours(Integer.parseInt(z));
            }
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + z + "\" not recognized");
        }
    }

    private static HeliosException invalid(String type, String text) {
        return new HeliosException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type " + type + ": \"" + text + "\"");
    }

    private static HeliosException overflow(String text) {
        return new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
    }
}
