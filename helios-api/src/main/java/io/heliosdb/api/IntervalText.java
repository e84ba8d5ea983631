package io.heliosdb.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code postgres} IntervalStyle output and the common forms of PostgreSQL's interval input. */
final class IntervalText {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:([+-]?\\d+):(\\d+)(?::(\\d+(?:\\.\\d*)?))?|([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*([a-z]+)?)\\s*");

    private IntervalText() {
    }

    static String format(Interval v) {
        StringBuilder sb = new StringBuilder();
        boolean[] before = {false};
        int years = v.months() / 12;
        int months = v.months() % 12;
        part(sb, years, "year", before);
        part(sb, months, "mon", before);
        part(sb, v.days(), "day", before);
        long micros = v.micros();
        if (micros != 0 || sb.length() == 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            boolean minus = micros < 0;
            sb.append(minus ? "-" : before[0] ? "+" : "");
            long abs = Math.abs(micros);
            long seconds = abs / 1_000_000;
            long fraction = abs % 1_000_000;
            sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
            if (fraction != 0) {
                String f = String.format(Locale.ROOT, "%06d", fraction).replaceAll("0+$", "");
                sb.append('.').append(f);
            }
        }
        return sb.toString();
    }

    private static void part(StringBuilder sb, long value, String unit, boolean[] before) {
        if (value == 0) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(before[0] && value > 0 ? "+" : "").append(value).append(' ').append(unit).append(value != 1 ? "s" : "");
        before[0] = value < 0;
    }

    static Interval parse(String text, int range) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("@")) {
            s = s.substring(1).strip();
        }
        boolean ago = s.endsWith(" ago");
        if (ago) {
            s = s.substring(0, s.length() - 4);
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        boolean iso = s.charAt(0) == 'p';
        if (iso) {
            s = IntervalIso8601.verbose(s);
            if (s == null) {
                throw invalid(text);
            }
        }
        s = IntervalUnits.resolve(s, range);
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal micros = BigDecimal.ZERO;
        Matcher m = TOKEN.matcher(s);
        int at = 0;
        int seen = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at || m.end() == at) {
                throw invalid(text);
            }
            at = m.end();
            // A field given twice is refused, as PostgreSQL's DecodeInterval does (ISO 8601 input is not checked).
            int field = m.group(1) != null ? TIME_FIELDS : field(m.group(5) == null ? "s" : m.group(5), m.group(4).indexOf('.') >= 0);
            if (!iso && (seen & field) != 0) {
                throw invalid(text);
            }
            seen |= field;
            if (m.group(1) != null) {
                boolean negative = m.group(1).startsWith("-");
                BigDecimal t = new BigDecimal(m.group(1).replace("-", "").replace("+", "")).multiply(BigDecimal.valueOf(3_600_000_000L))
                        .add(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(60_000_000L)));
                if (m.group(3) != null) {
                    t = t.add(new BigDecimal(m.group(3)).movePointRight(6));
                }
                micros = micros.add(negative ? t.negate() : t);
                continue;
            }
            BigDecimal n = new BigDecimal(m.group(4));
            String unit = m.group(5) == null ? "s" : m.group(5);
            switch (unit) {
                case "microsecond", "microseconds", "us", "usec", "usecs" -> micros = micros.add(n);
                case "millisecond", "milliseconds", "ms", "msec", "msecs" -> micros = micros.add(n.movePointRight(3));
                case "second", "seconds", "s", "sec", "secs" -> micros = micros.add(n.movePointRight(6));
                case "minute", "minutes", "m", "min", "mins" -> micros = micros.add(n.multiply(BigDecimal.valueOf(60_000_000L)));
                case "hour", "hours", "h", "hr", "hrs" -> micros = micros.add(n.multiply(BigDecimal.valueOf(3_600_000_000L)));
                case "day", "days", "d" -> days = days.add(n);
                case "week", "weeks", "w" -> days = days.add(n.multiply(BigDecimal.valueOf(7)));
                case "month", "months", "mon", "mons" -> months = months.add(n);
                case "year", "years", "y", "yr", "yrs" -> months = months.add(n.multiply(BigDecimal.valueOf(12)));
                case "decade", "decades" -> months = months.add(n.multiply(BigDecimal.valueOf(120)));
                case "century", "centuries" -> months = months.add(n.multiply(BigDecimal.valueOf(1200)));
                case "millennium", "millennia" -> months = months.add(n.multiply(BigDecimal.valueOf(12000)));
                default -> throw invalid(text);
            }
        }
        // Fractions cascade down as PostgreSQL does: a fraction of a month is 30 days, of a day 24 hours.
        BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
        days = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
        BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
        micros = micros.add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(Interval.MICROS_PER_DAY)));
        try {
            Interval v = new Interval(wholeMonths.intValueExact(), wholeDays.intValueExact(),
                    micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            return ago ? v.negate() : v;
        } catch (ArithmeticException e) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
        }
    }

    private static final int YEAR = 1;
    private static final int MONTH = 1 << 1;
    private static final int DAY = 1 << 2;
    private static final int HOUR = 1 << 3;
    private static final int MINUTE = 1 << 4;
    private static final int SECOND = 1 << 5;
    private static final int MILLISECOND = 1 << 6;
    private static final int MICROSECOND = 1 << 7;
    private static final int WEEK = 1 << 8;
    private static final int DECADE = 1 << 9;
    private static final int CENTURY = 1 << 10;
    private static final int MILLENNIUM = 1 << 11;
    /** Seconds with a fraction, and a time (hh:mm[:ss]), take every second field, as in PostgreSQL. */
    private static final int ALL_SECONDS = SECOND | MILLISECOND | MICROSECOND;
    private static final int TIME_FIELDS = HOUR | MINUTE | ALL_SECONDS;

    /** The field a unit word sets (0 for an unknown word, which fails later). */
    private static int field(String unit, boolean fraction) {
        return switch (unit) {
            case "microsecond", "microseconds", "us", "usec", "usecs" -> MICROSECOND;
            case "millisecond", "milliseconds", "ms", "msec", "msecs" -> MILLISECOND;
            case "second", "seconds", "s", "sec", "secs" -> fraction ? ALL_SECONDS : SECOND;
            case "minute", "minutes", "m", "min", "mins" -> MINUTE;
            case "hour", "hours", "h", "hr", "hrs" -> HOUR;
            case "day", "days", "d" -> DAY;
            case "week", "weeks", "w" -> WEEK;
            case "month", "months", "mon", "mons" -> MONTH;
            case "year", "years", "y", "yr", "yrs" -> YEAR;
            case "decade", "decades" -> DECADE;
            case "century", "centuries" -> CENTURY;
            case "millennium", "millennia" -> MILLENNIUM;
            default -> 0;
        };
    }

    private static HeliosException invalid(String text) {
        return new HeliosException(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
    }
}
