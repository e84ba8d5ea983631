package io.heliosdb.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 interval input ({@code P1Y2M3DT4H5M6S}, {@code PT1.5S}, {@code P1W}, and the alternative form
 * {@code P0001-02-03T04:05:06}), rewritten into PostgreSQL's verbose form so one parser does the arithmetic.
 */
final class IntervalIso8601 {
    private static final Pattern FIELD = Pattern.compile("([+-]?\\d+(?:\\.\\d*)?|[+-]?\\.\\d+)([a-z])");
    private static final Pattern ALTERNATIVE = Pattern.compile(
            "p(\\d+)-(\\d{1,2})-(\\d{1,2})(?:t(\\d{1,2}):(\\d{1,2}):(\\d{1,2}(?:\\.\\d*)?))?");

    private IntervalIso8601() {
    }

    /** The verbose form of a lower-case ISO 8601 interval, or null when {@code s} is not one. */
    static String verbose(String s) {
        Matcher alt = ALTERNATIVE.matcher(s);
        if (alt.matches()) {
            String out = alt.group(1) + " years " + alt.group(2) + " months " + alt.group(3) + " days";
            return alt.group(4) == null ? out : out + " " + alt.group(4) + ":" + alt.group(5) + ":" + alt.group(6);
        }
        if (s.length() < 2 || s.charAt(0) != 'p') {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean time = false;
        int at = 1;
        Matcher m = FIELD.matcher(s);
        while (at < s.length()) {
            if (s.charAt(at) == 't' && !time) {
                time = true;
                at++;
                continue;
            }
            if (!m.find(at) || m.start() != at) {
                return null;
            }
            String unit = switch (m.group(2)) {
                case "y" -> time ? null : "years";
                case "m" -> time ? "minutes" : "months";
                case "w" -> time ? null : "weeks";
                case "d" -> time ? null : "days";
                case "h" -> time ? "hours" : null;
                case "s" -> time ? "seconds" : null;
                default -> null;
            };
            if (unit == null) {
                return null;
            }
            out.append(out.length() == 0 ? "" : " ").append(m.group(1)).append(' ').append(unit);
            at = m.end();
        }
        return out.length() == 0 ? null : out.toString();
    }
}
