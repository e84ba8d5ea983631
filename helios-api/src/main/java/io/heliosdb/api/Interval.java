package io.heliosdb.api;

/**
 * A PostgreSQL interval: months, days and microseconds kept apart, because a month and a day have
 * no fixed length (adding {@code 1 mon} to Jan 31 differs from adding {@code 30 days}). Intervals
 * compare as PostgreSQL compares them, by a span that counts a month as 30 days and a day as 24 hours.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    public static final Interval ZERO = new Interval(0, 0, 0);

    /** The span PostgreSQL orders intervals by, in microseconds. */
    public long span() {
        return (months * 30L + days) * MICROS_PER_DAY + micros;
    }

    @Override
    public int compareTo(Interval other) {
        return Long.compare(span(), other.span());
    }

    public Interval plus(Interval o) {
        return new Interval(Math.addExact(months, o.months), Math.addExact(days, o.days), Math.addExact(micros, o.micros));
    }

    public Interval negate() {
        return new Interval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
    }

    /** PostgreSQL's text form in the default {@code postgres} IntervalStyle, e.g. {@code 1 year 2 mons 3 days 04:05:06}. */
    @Override
    public String toString() {
        return IntervalText.format(this);
    }

    /** Parses PostgreSQL's interval input ({@code 1 day 02:00}, {@code 3 hours}, {@code -1 year 2 mons ago}). */
    public static Interval parse(String text) {
        return IntervalText.parse(text, IntervalTypmod.FULL_RANGE);
    }

    /**
     * Parses interval input under a qualifier's fields ({@link IntervalTypmod#range}): a number without a unit
     * is read in the qualifier's last field ({@code '1'} is a day for {@code interval day}) and {@code '1:02'}
     * is minutes and seconds for {@code minute to second}. The value is not truncated to the fields.
     */
    public static Interval parse(String text, int range) {
        return IntervalText.parse(text, range);
    }
}
