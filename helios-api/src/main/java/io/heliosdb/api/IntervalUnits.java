package io.heliosdb.api;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every number of interval input its unit before {@link IntervalText} reads it, as PostgreSQL's
 * DecodeInterval does reading the fields from the right: a number followed by a unit word keeps it; one left of
 * a time ({@code 1 2:03}) or of a year-month ({@code 1-2 3}) is days, as is one left of an hour; any other bare
 * number is in the qualifier's last field (seconds without a qualifier). {@code 1-2} (SQL's years-months) becomes
 * {@code 14 month}, and two-field times are minutes and seconds for {@code minute to second} or with a
 * fraction ({@code 1:02.5}).
 */
final class IntervalUnits {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern WORD = Pattern.compile("[a-z]+");
    private static final Pattern YEAR_MONTH = Pattern.compile("([+-]?)(\\d+)-(\\d+)");
    private static final Pattern TWO_FIELD_TIME = Pattern.compile("([+-]?)(\\d+):(\\d+(\\.\\d*)?)");

    private IntervalUnits() {
    }

    static String resolve(String s, int range) {
        if (s.isEmpty() || s.charAt(0) == 'p') {
            return s;
        }
        String[] tokens = s.strip().split("\\s+");
        Deque<String> out = new ArrayDeque<>(tokens.length);
        String next = null;
        boolean unitWord = false;
        for (int i = tokens.length - 1; i >= 0; i--) {
            String t = tokens[i];
            Matcher ym = YEAR_MONTH.matcher(t);
            Matcher hm = TWO_FIELD_TIME.matcher(t);
            if (WORD.matcher(t).matches()) {
                out.addFirst(t);
                unitWord = true;
                continue;
            }
            if (NUMBER.matcher(t).matches() && !unitWord) {
                String unit = next != null ? next : IntervalTypmod.defaultUnit(range);
                out.addFirst(t + " " + unit);
                next = unit.equals("hour") ? "day" : null;
            } else if (ym.matches()) {
                // one field (months), as PostgreSQL counts it: '1 year 1-2' is fine, '1 mon 1-2' is not
                String sign = ym.group(1).equals("-") ? "-" : "";
                out.addFirst(sign + new java.math.BigDecimal(ym.group(2)).multiply(java.math.BigDecimal.valueOf(12))
                        .add(new java.math.BigDecimal(ym.group(3))).toPlainString() + " month");
                next = "day";
            } else if (hm.matches() && (hm.group(4) != null
                    || range == (IntervalTypmod.MINUTE | IntervalTypmod.SECOND))) {
                out.addFirst(hm.group(1) + "0:" + hm.group(2) + ":" + hm.group(3));
                next = "day";
            } else {
                out.addFirst(t);
                next = t.indexOf(':') >= 0 ? "day" : null;
            }
            unitWord = false;
        }
        return String.join(" ", out);
    }
}
