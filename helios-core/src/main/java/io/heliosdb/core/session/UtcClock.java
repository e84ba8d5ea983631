package io.heliosdb.core.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The current time in UTC, to the microsecond, as statement and activity timestamps need it once
 * per statement. {@code LocalDateTime.now(ZoneOffset.UTC)} builds a new ZoneRules object on every
 * call (ZoneOffset.getRules is not cached): about 5% of a server point select's CPU in a profile.
 */
final class UtcClock {
    private UtcClock() {
    }

    /** The date of the last call: the calendar arithmetic of a new LocalDate shows in a point select's profile. */
    private static volatile Day today = new Day(Long.MIN_VALUE, null);

    private record Day(long epochDay, LocalDate date) {
    }

    static LocalDateTime nowMicros() {
        Instant now = Instant.now();
        long seconds = now.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400L);
        Day day = today;
        if (day.epochDay() != epochDay) {
            day = new Day(epochDay, LocalDate.ofEpochDay(epochDay));
            today = day;
        }
        long nanoOfDay = Math.floorMod(seconds, 86_400L) * 1_000_000_000L + now.getNano() / 1000 * 1000;
        return LocalDateTime.of(day.date(), LocalTime.ofNanoOfDay(nanoOfDay));
    }

    /** Now in microseconds since the epoch: cheaper than a LocalDateTime where few are ever looked at. */
    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** The UTC timestamp of {@link #epochMicros()}'s value. */
    static LocalDateTime ofEpochMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}
