package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.Set;

/**
 * The time-valued settings (statement_timeout, lock_timeout, idle_in_transaction_session_timeout,
 * idle_session_timeout) as PostgreSQL reads and shows them: an integer number of milliseconds written with or
 * without a unit ({@code us}, {@code ms}, {@code s}, {@code min}, {@code h}, {@code d}; case matters, a space may
 * precede the unit), a fraction rounded to the nearest millisecond (halves to even, as C's rint), 0 .. 2147483647
 * (read as PostgreSQL's parse_int does, octal and hex included);
 * SHOW prints the largest unit that divides the value exactly ({@code 1500ms}, {@code 2min}, {@code 0}).
 */
final class DurationSettings {
    /** Settings in milliseconds, by lower-case name. */
    private static final Set<String> NAMES = Set.of("statement_timeout", "lock_timeout",
            "idle_in_transaction_session_timeout", "idle_session_timeout");
    private static final String[] UNITS = {"d", "h", "min", "s", "ms"};
    private static final long[] UNIT_MILLIS = {86_400_000L, 3_600_000L, 60_000L, 1000L, 1L};
    /** The units PostgreSQL reads, largest first, and their size in milliseconds. */
    private static final String[] UNIT_NAMES = {"d", "h", "min", "s", "ms", "us"};
    private static final double[] UNIT_FACTORS = {86_400_000.0, 3_600_000.0, 60_000.0, 1000.0, 1.0, 0.001};
    private static final String HINT = "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".";

    private DurationSettings() {
    }

    static boolean isDuration(String lowerName) {
        return NAMES.contains(lowerName);
    }

    /** {@code value} of setting {@code name} as SHOW prints it; 22023 when it is no valid duration. */
    static String normalize(String name, String value) {
        return show(millis(name, value));
    }

    /** {@code value} in milliseconds; 22023 when it is no valid duration. */
    static long millis(String name, String value) {
        String s = value.strip();
        int[] end = new int[1];
        double amount = number(s, end);
        if (end[0] == 0 || Double.isNaN(amount)) {
            throw invalid(name, value, null);
        }
        String unit = s.substring(end[0]).strip();
        double ms = amount;
        if (!unit.isEmpty()) {
            int u = java.util.Arrays.asList(UNIT_NAMES).indexOf(unit);
            if (u < 0) {
                throw invalid(name, value, HINT);
            }
            ms = amount * UNIT_FACTORS[u];
            if (u + 1 < UNIT_NAMES.length) {
                // PostgreSQL first rounds a fraction to the next smaller unit ("1.0000001min" is 60000 ms).
                ms = Math.rint(ms / UNIT_FACTORS[u + 1]) * UNIT_FACTORS[u + 1];
            }
        }
        double rounded = Math.rint(ms);
        if (rounded > Integer.MAX_VALUE || rounded < Integer.MIN_VALUE) {
            throw invalid(name, value, "Value exceeds integer range.");
        }
        long result = (long) rounded;
        if (result < 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, result + " ms is outside the valid range for"
                    + " parameter \"" + name + "\" (0 .. " + Integer.MAX_VALUE + ")");
        }
        return result;
    }

    /**
     * The number {@code s} starts with, as PostgreSQL reads it: C's strtol with base 0 (so {@code 0x1f} is hex and
     * {@code 017} octal), read again as a decimal fraction by strtod when a '.' or an exponent follows.
     * {@code end[0]} is set to where the number ends (0: there is none).
     */
    private static double number(String s, int[] end) {
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        int digits = i;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                radix = 16;
                digits = i + 2;
            }
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        int j = digits;
        double value = 0;
        while (j < s.length() && Character.digit(s.charAt(j), radix) >= 0) {
            value = value * radix + Character.digit(s.charAt(j), radix);
            j++;
        }
        if (j == digits) {
            j = 0;
        }
        boolean decimal = j < s.length() && (s.charAt(j) == '.' || s.charAt(j) == 'e' || s.charAt(j) == 'E');
        if (j == 0 && !(i < s.length() && s.charAt(i) == '.')) {
            end[0] = 0;
            return 0;
        }
        if (decimal || j == 0 || value > Long.MAX_VALUE) {
            java.util.regex.Matcher m = DECIMAL.matcher(s);
            if (!m.lookingAt()) {
                end[0] = 0;
                return 0;
            }
            end[0] = m.end();
            return Double.parseDouble(m.group());
        }
        end[0] = j;
        return negative ? -value : value;
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Milliseconds as SHOW prints them. */
    static String show(long millis) {
        if (millis == 0) {
            return "0";
        }
        for (int i = 0; i < UNITS.length; i++) {
            if (millis % UNIT_MILLIS[i] == 0) {
                return millis / UNIT_MILLIS[i] + UNITS[i];
            }
        }
        return millis + "ms";
    }

    private static HeliosException invalid(String name, String value, String hint) {
        return new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter \"" + name + "\": \""
                + value + "\"", null, hint, 0, null);
    }
}
