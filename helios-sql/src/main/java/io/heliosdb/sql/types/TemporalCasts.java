package io.heliosdb.sql.types;

import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * Conversions between the date/time types. Those between timestamptz and the zone-less types read or
 * show the instant in the session's time zone, so they take the zone as an argument.
 */
public final class TemporalCasts {

    private TemporalCasts() {
    }

    /** Whether converting {@code from} to {@code to} depends on the session's time zone. */
    public static boolean zoneDependent(SqlType from, SqlType to) {
        if (from == to) {
            return false;
        }
        if (to == SqlType.TIMETZ) {
            // text without a zone, a time and an instant all take the session zone's offset
            return from == SqlType.TIME || from == SqlType.TIMESTAMPTZ || from == SqlType.UNKNOWN || TypeRules.isString(from);
        }
        if (to == SqlType.TIMESTAMPTZ) {
            return from == SqlType.DATE || from == SqlType.TIMESTAMP || from == SqlType.UNKNOWN || TypeRules.isString(from);
        }
        return from == SqlType.TIMESTAMPTZ && (to == SqlType.DATE || to == SqlType.TIMESTAMP || to == SqlType.TIME
                || TypeRules.isString(to));
    }

    /** The conversion, or null when neither side is a date/time type this class converts. */
    public static UnaryOperator<Object> converter(SqlType from, SqlType to, ZoneId zone) {
        if (from == SqlType.TIMESTAMPTZ) {
            return switch (to) {
                case TIMESTAMP -> v -> local(v, zone);
                case DATE -> v -> local(v, zone).toLocalDate();
                case TIME -> v -> local(v, zone).toLocalTime();
                case TIMETZ -> v -> ((OffsetDateTime) v).atZoneSameInstant(zone).toOffsetDateTime().toOffsetTime();
                default -> null;
            };
        }
        if (to == SqlType.TIMESTAMPTZ) {
            return switch (from) {
                case TIMESTAMP -> v -> inZone((LocalDateTime) v, zone);
                case DATE -> v -> utc(((LocalDate) v).atStartOfDay(zone).toOffsetDateTime());
                default -> null;
            };
        }
        if (from == SqlType.TIME && to == SqlType.TIMETZ) {
            return v -> withZone((LocalTime) v, zone);
        }
        if (from == SqlType.TIMETZ && to == SqlType.TIME) {
            return v -> ((OffsetTime) v).toLocalTime();
        }
        if (from == SqlType.TIMESTAMP && to == SqlType.TIME) {
            return v -> ((LocalDateTime) v).toLocalTime();
        }
        if (from == SqlType.TIME && to == SqlType.INTERVAL) {
            return v -> new Interval(0, 0, io.heliosdb.api.TimeOfDay.micros((LocalTime) v));
        }
        return null;
    }

    /** A time of day with the offset {@code zone} has at that time today, as PostgreSQL's time_timetz gives it. */
    public static OffsetTime withZone(LocalTime t, ZoneId zone) {
        ZoneOffset offset = zone instanceof ZoneOffset fixed ? fixed
                : zone.getRules().getOffset(LocalDateTime.of(LocalDate.now(zone), t));
        return OffsetTime.of(t, offset);
    }

    /** The wall-clock time of an instant in {@code zone}. */
    public static LocalDateTime local(Object timestamptz, ZoneId zone) {
        return ((OffsetDateTime) timestamptz).atZoneSameInstant(zone).toLocalDateTime();
    }

    /**
     * A wall-clock time in {@code zone} as a UTC timestamptz, resolved as PostgreSQL's DetermineTimeZoneOffset
     * does: a time a spring-forward gap skips moves ahead by the gap, one a fall-back repeats is the later instant.
     */
    public static OffsetDateTime inZone(LocalDateTime local, ZoneId zone) {
        return utc(local.atZone(zone).withLaterOffsetAtOverlap().toOffsetDateTime());
    }

    /** The same instant at offset +00, the form the engine keeps timestamptz values in. */
    public static OffsetDateTime utc(OffsetDateTime t) {
        return t.getOffset().equals(ZoneOffset.UTC) ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
