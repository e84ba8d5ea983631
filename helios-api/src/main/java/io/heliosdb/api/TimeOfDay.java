package io.heliosdb.api;

import java.time.LocalTime;

/**
 * Times of day in microseconds, including PostgreSQL's {@code 24:00:00}. A {@link LocalTime} stops before
 * midnight, so 24:00:00 is held as {@link LocalTime#MAX} (23:59:59.999999999): no value of microsecond
 * precision is ever that, and it sorts after every other time, as 24:00:00 does.
 */
public final class TimeOfDay {
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    /** 24:00:00. */
    public static final LocalTime END_OF_DAY = LocalTime.MAX;

    private TimeOfDay() {
    }

    /** Microseconds since midnight: 86,400,000,000 for 24:00:00. */
    public static long micros(LocalTime t) {
        return t.equals(END_OF_DAY) ? MICROS_PER_DAY : t.toNanoOfDay() / 1_000;
    }

    /** The time {@code micros} after midnight, from 0 to 24:00:00 inclusive. */
    public static LocalTime ofMicros(long micros) {
        return micros == MICROS_PER_DAY ? END_OF_DAY : LocalTime.ofNanoOfDay(micros * 1_000);
    }

    public static boolean isEndOfDay(LocalTime t) {
        return t.equals(END_OF_DAY);
    }
}
