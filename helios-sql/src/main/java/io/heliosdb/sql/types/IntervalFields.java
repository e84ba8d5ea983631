package io.heliosdb.sql.types;

import io.heliosdb.api.Interval;
import io.heliosdb.api.IntervalTypmod;

/**
 * An interval value fitted to a qualifier's fields, as PostgreSQL's AdjustIntervalForTypmod does: the fields
 * below the last one are dropped ({@code interval day} keeps months and days, {@code interval hour to minute}
 * cuts the seconds), toward zero; the fractional-second precision is then rounded by {@link TemporalPrecision}.
 */
public final class IntervalFields {
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    private IntervalFields() {
    }

    /** Whether {@code typmod} names a qualifier narrower than every field. */
    public static boolean restricts(int typmod) {
        return typmod >= 0 && IntervalTypmod.range(typmod) != IntervalTypmod.FULL_RANGE;
    }

    /** {@code v} with the fields below the qualifier's last one dropped. */
    public static Interval truncate(Interval v, int typmod) {
        int range = IntervalTypmod.range(typmod);
        return switch (range) {
            case IntervalTypmod.YEAR -> new Interval(v.months() / 12 * 12, 0, 0);
            case IntervalTypmod.MONTH, IntervalTypmod.YEAR | IntervalTypmod.MONTH -> new Interval(v.months(), 0, 0);
            case IntervalTypmod.DAY -> new Interval(v.months(), v.days(), 0);
            case IntervalTypmod.HOUR, IntervalTypmod.DAY | IntervalTypmod.HOUR ->
                    new Interval(v.months(), v.days(), v.micros() / MICROS_PER_HOUR * MICROS_PER_HOUR);
            case IntervalTypmod.MINUTE, IntervalTypmod.HOUR | IntervalTypmod.MINUTE,
                    IntervalTypmod.DAY | IntervalTypmod.HOUR | IntervalTypmod.MINUTE ->
                    new Interval(v.months(), v.days(), v.micros() / MICROS_PER_MINUTE * MICROS_PER_MINUTE);
            default -> v;
        };
    }
}
