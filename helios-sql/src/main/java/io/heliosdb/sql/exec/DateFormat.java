package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TemporalText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

/** to_char, to_timestamp and to_date templates: the common PostgreSQL patterns (YYYY MM DD HH24 MI SS MS Mon Day AM ...). */
final class DateFormat {
    private static final String[] PATTERNS = {"IYYY", "YYYY", "YYY", "HH24", "HH12", "MONTH", "Month", "month", "MON", "Mon", "mon",
        "DAY", "Day", "day", "DDD", "MS", "US", "YY", "MM", "DD", "HH", "MI", "SS", "DY", "Dy", "dy", "AM", "PM", "am", "pm",
        "Q", "D", "TZ", "tz", "IW", "WW", "W", "CC", "J"};

    private DateFormat() {
    }

    static String format(Object value, String template, ZoneId zone) {
        LocalDateTime t = value instanceof Interval i ? LocalDateTime.of(0, 1, 1, 0, 0).plusDays(i.days())
                .plusNanos(i.micros() * 1000) : (LocalDateTime) value;
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.charAt(i) == '"') {
                int end = template.indexOf('"', i + 1);
                end = end < 0 ? template.length() : end;
                out.append(template, i + 1, end);
                i = end + 1;
                continue;
            }
            boolean fill = template.startsWith("FM", i);
            int at = fill ? i + 2 : i;
            String pattern = match(template, at);
            if (pattern == null) {
                out.append(template.charAt(i));
                i++;
                continue;
            }
            out.append(field(pattern, t, fill, zone));
            i = at + pattern.length();
        }
        return out.toString();
    }

    private static String match(String template, int at) {
        for (String p : PATTERNS) {
            if (template.startsWith(p, at)) {
                return p;
            }
        }
        return null;
    }

    private static String field(String p, LocalDateTime t, boolean fill, ZoneId zone) {
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return switch (p) {
            case "YYYY" -> pad(t.getYear(), 4, fill);
            case "YY" -> pad(t.getYear() % 100, 2, fill);
            case "YYY" -> pad(t.getYear() % 1000, 3, fill);
            case "IYYY" -> pad(t.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR), 4, fill);
            case "IW" -> pad(t.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, fill);
            case "WW" -> pad((t.getDayOfYear() - 1) / 7 + 1, 2, fill);
            case "W" -> String.valueOf((t.getDayOfMonth() - 1) / 7 + 1);
            case "CC" -> pad(t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((99 - t.getYear()) / 100), 2, fill);
            case "J" -> String.valueOf(t.toLocalDate().toEpochDay() + 2_440_588);
            case "MM" -> pad(t.getMonthValue(), 2, fill);
            case "DD" -> pad(t.getDayOfMonth(), 2, fill);
            case "DDD" -> pad(t.getDayOfYear(), 3, fill);
            case "D" -> String.valueOf(t.getDayOfWeek().getValue() % 7 + 1);
            case "Q" -> String.valueOf((t.getMonthValue() + 2) / 3);
            case "HH24" -> pad(t.getHour(), 2, fill);
            case "HH", "HH12" -> pad(hour12, 2, fill);
            case "MI" -> pad(t.getMinute(), 2, fill);
            case "SS" -> pad(t.getSecond(), 2, fill);
            case "MS" -> pad(t.getNano() / 1_000_000, 3, false);
            case "US" -> pad(t.getNano() / 1000, 6, false);
            case "AM", "PM" -> t.getHour() < 12 ? "AM" : "PM";
            case "am", "pm" -> t.getHour() < 12 ? "am" : "pm";
            case "MONTH", "Month", "month" -> cased(name(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH), fill), p);
            case "MON", "Mon", "mon" -> cased(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), p);
            case "DAY", "Day", "day" -> cased(name(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), fill), p);
            case "DY", "Dy", "dy" -> cased(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), p);
            case "TZ", "tz" -> {
                String z = zone == null ? "" : TemporalText.offset(t.atZone(zone).getOffset());
                yield p.equals("tz") ? z.toLowerCase(Locale.ROOT) : z;
            }
            default -> p;
        };
    }

    /** Month and day names are blank-padded to 9 characters unless FM is given. */
    private static String name(String s, boolean fill) {
        return fill ? s : String.format(Locale.ROOT, "%-9s", s);
    }

    private static String cased(String s, String pattern) {
        if (Character.isLowerCase(pattern.charAt(0))) {
            return s.toLowerCase(Locale.ROOT);
        }
        return Character.isUpperCase(pattern.charAt(1)) ? s.toUpperCase(Locale.ROOT) : s;
    }

    private static String pad(int v, int width, boolean fill) {
        return fill ? String.valueOf(v) : String.format(Locale.ROOT, "%0" + width + "d", v);
    }

    /** Reads {@code text} by {@code template} (to_timestamp, to_date); separators in the template match any one character. */
    static LocalDateTime parse(String text, String template) {
        int year = 1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        boolean pm = false;
        boolean twelve = false;
        int ti = 0;
        int si = 0;
        while (ti < template.length() && si <= text.length()) {
            if (template.startsWith("FM", ti)) {
                ti += 2;
                continue;
            }
            String p = match(template, ti);
            if (p == null) {
                ti++;
                if (si < text.length()) {
                    si++;
                }
                continue;
            }
            ti += p.length();
            while (si < text.length() && text.charAt(si) == ' ') {
                si++;
            }
            if (p.equalsIgnoreCase("MON") || p.equalsIgnoreCase("MONTH")) {
                month = monthNamed(text, si);
                si += p.length() == 3 ? 3 : nameLength(text, si);
                continue;
            }
            if (p.equalsIgnoreCase("AM") || p.equalsIgnoreCase("PM")) {
                pm = text.regionMatches(true, si, "PM", 0, 2);
                si += 2;
                continue;
            }
            int width = switch (p) {
                case "YYYY", "IYYY" -> 4;
                case "MS", "DDD", "YYY" -> 3;
                case "US" -> 6;
                default -> 2;
            };
            int end = si;
            while (end < text.length() && end - si < width && Character.isDigit(text.charAt(end))) {
                end++;
            }
            if (end == si) {
                throw new HeliosException(SqlState.INVALID_DATETIME_FORMAT,
                        "invalid value \"" + text.substring(si) + "\" for \"" + p + "\"");
            }
            int v = Integer.parseInt(text.substring(si, end));
            si = end;
            switch (p) {
                case "YYYY" -> year = v;
                case "YY" -> year = 2000 + v;
                case "MM" -> month = v;
                case "DD" -> day = v;
                case "HH24" -> hour = v;
                case "HH", "HH12" -> {
                    hour = v;
                    twelve = true;
                }
                case "MI" -> minute = v;
                case "SS" -> second = v;
                case "MS" -> micros = v * 1000L;
                case "US" -> micros = v;
                default -> {
                }
            }
        }
        if (twelve) {
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute, second).plusNanos(micros * 1000);
        } catch (DateTimeException e) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static int monthNamed(String text, int at) {
        for (java.time.Month m : java.time.Month.values()) {
            if (text.regionMatches(true, at, m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), 0, 3)) {
                return m.getValue();
            }
        }
        throw new HeliosException(SqlState.INVALID_DATETIME_FORMAT, "invalid value \"" + text.substring(at) + "\" for \"Mon\"");
    }

    private static int nameLength(String text, int at) {
        int end = at;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end - at;
    }
}
