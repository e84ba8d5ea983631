package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** extract/date_part fields and date_trunc units of timestamps, times and intervals. */
final class DateFields {

    private DateFields() {
    }

    /**
     * The fields of a timestamptz that are not on the wall clock: epoch (of the instant) and the session zone's
     * offset at that instant (timezone in seconds east of UTC, timezone_hour, timezone_minute); null for others.
     */
    static BigDecimal zoneField(String field, java.time.OffsetDateTime t, java.time.ZoneId zone) {
        int east = zone.getRules().getOffset(t.toInstant()).getTotalSeconds();
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "epoch" -> BigDecimal.valueOf(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t.toInstant()), 6);
            case "timezone" -> BigDecimal.valueOf(east);
            case "timezone_hour" -> BigDecimal.valueOf(east / 3600);
            case "timezone_minute" -> BigDecimal.valueOf(east / 60 % 60);
            default -> null;
        };
    }

    /** The field of a timestamp (wall clock), time or interval; {@code type} says which the value is. */
    static BigDecimal extract(String field, SqlType type, Object v) {
        String f = field.toLowerCase(Locale.ROOT);
        if (v instanceof Interval i) {
            return intervalField(f, i);
        }
        if (v instanceof LocalTime t) {
            return timeField(f, io.heliosdb.api.TimeOfDay.micros(t), field, "time without time zone");
        }
        if (v instanceof java.time.OffsetTime t) {
            return timeTzField(f, t, field);
        }
        LocalDateTime t = (LocalDateTime) v;
        String typeName = type == SqlType.TIMESTAMPTZ ? "timestamp with time zone" : "timestamp without time zone";
        return switch (f) {
            case "year", "years" -> BigDecimal.valueOf(t.getYear());
            case "month", "months", "mon" -> BigDecimal.valueOf(t.getMonthValue());
            case "day", "days" -> BigDecimal.valueOf(t.getDayOfMonth());
            case "dow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7);
            case "isodow" -> BigDecimal.valueOf(t.getDayOfWeek().getValue());
            case "doy" -> BigDecimal.valueOf(t.getDayOfYear());
            case "week" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "isoyear" -> BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case "quarter" -> BigDecimal.valueOf((t.getMonthValue() + 2) / 3);
            case "decade" -> BigDecimal.valueOf(Math.floorDiv(t.getYear(), 10));
            case "century" -> BigDecimal.valueOf(t.getYear() > 0 ? (t.getYear() + 99) / 100 : -((99 - t.getYear()) / 100));
            case "millennium" -> BigDecimal.valueOf(t.getYear() > 0 ? (t.getYear() + 999) / 1000 : -((999 - t.getYear()) / 1000));
            case "julian" -> BigDecimal.valueOf(t.toLocalDate().toEpochDay() + 2_440_588);
            case "epoch" -> BigDecimal.valueOf(ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t), 6);
            case "timezone" -> BigDecimal.ZERO;
            default -> timeField(f, t.toLocalTime().toNanoOfDay() / 1000, field, typeName);
        };
    }

    private static BigDecimal timeField(String f, long micros, String field, String typeName) {
        return switch (f) {
            case "hour", "hours" -> BigDecimal.valueOf(micros / 3_600_000_000L);
            case "minute", "minutes", "min" -> BigDecimal.valueOf(micros / 60_000_000L % 60);
            case "second", "seconds", "sec" -> BigDecimal.valueOf(micros % 60_000_000L, 6);
            case "millisecond", "milliseconds", "ms" -> BigDecimal.valueOf(micros % 60_000_000L, 3);
            case "microsecond", "microseconds", "us" -> BigDecimal.valueOf(micros % 60_000_000L);
            case "epoch" -> BigDecimal.valueOf(micros, 6);
            // a unit PostgreSQL knows but this type has no such field: 0A000; an unknown word: 22023
            default -> throw KNOWN_UNITS.contains(f) ? new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "unit \"" + field + "\" not supported for type " + typeName) : unrecognized(field, typeName);
        };
    }

    private static final java.util.Set<String> KNOWN_UNITS = java.util.Set.of("year", "years", "month", "months", "mon",
            "day", "days", "week", "weeks", "quarter", "decade", "decades", "century", "centuries", "millennium",
            "millennia", "dow", "isodow", "doy", "isoyear", "julian", "timezone", "timezone_hour", "timezone_minute");

    private static HeliosException unrecognized(String field, String typeName) {
        return new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not recognized for type " + typeName);
    }

    /** timetz fields: the zone ones count seconds east of UTC; epoch is the UTC time of day. */
    private static BigDecimal timeTzField(String f, java.time.OffsetTime t, String field) {
        int east = t.getOffset().getTotalSeconds();
        long micros = io.heliosdb.api.TimeOfDay.micros(t.toLocalTime());
        return switch (f) {
            case "timezone" -> BigDecimal.valueOf(east);
            case "timezone_hour" -> BigDecimal.valueOf(east / 3600);
            case "timezone_minute" -> BigDecimal.valueOf(east / 60 % 60);
            case "epoch" -> BigDecimal.valueOf(micros - east * 1_000_000L, 6);
            default -> timeField(f, micros, field, "time with time zone");
        };
    }

    private static BigDecimal intervalField(String f, Interval i) {
        return switch (f) {
            case "year", "years" -> BigDecimal.valueOf(i.months() / 12);
            case "month", "months", "mon" -> BigDecimal.valueOf(i.months() % 12);
            case "day", "days" -> BigDecimal.valueOf(i.days());
            case "quarter" -> BigDecimal.valueOf(i.months() % 12 / 3 + 1);
            case "decade" -> BigDecimal.valueOf(i.months() / 120);
            case "century" -> BigDecimal.valueOf(i.months() / 1200);
            case "epoch" -> BigDecimal.valueOf(i.micros(), 6)
                    .add(BigDecimal.valueOf((long) i.days() * 86_400 + (long) i.months() / 12 * 31_557_600L
                            + (long) (i.months() % 12) * 2_592_000L));
            default -> timeField(f, i.micros(), f, "interval");
        };
    }

    static LocalDateTime trunc(String unit, LocalDateTime t) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "microseconds" -> t.truncatedTo(ChronoUnit.MICROS);
            case "milliseconds" -> t.truncatedTo(ChronoUnit.MILLIS);
            case "second" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "minute" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "hour" -> t.truncatedTo(ChronoUnit.HOURS);
            case "day" -> t.truncatedTo(ChronoUnit.DAYS);
            case "week" -> t.toLocalDate().minusDays(t.getDayOfWeek().getValue() - 1L).atStartOfDay();
            case "month" -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case "quarter" -> LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
            case "year" -> LocalDate.of(t.getYear(), 1, 1).atStartOfDay();
            case "decade" -> LocalDate.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1).atStartOfDay();
            case "century" -> LocalDate.of((t.getYear() - 1) / 100 * 100 + 1, 1, 1).atStartOfDay();
            case "millennium" -> LocalDate.of((t.getYear() - 1) / 1000 * 1000 + 1, 1, 1).atStartOfDay();
            default -> throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type timestamp without time zone");
        };
    }

    static Interval truncInterval(String unit, Interval i) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "year" -> new Interval(i.months() / 12 * 12, 0, 0);
            case "month" -> new Interval(i.months(), 0, 0);
            case "day" -> new Interval(i.months(), i.days(), 0);
            case "hour" -> new Interval(i.months(), i.days(), i.micros() / 3_600_000_000L * 3_600_000_000L);
            case "minute" -> new Interval(i.months(), i.days(), i.micros() / 60_000_000L * 60_000_000L);
            case "second" -> new Interval(i.months(), i.days(), i.micros() / 1_000_000L * 1_000_000L);
            default -> throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "unit \"" + unit + "\" not recognized for type interval");
        };
    }

    static LocalDate makeDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date field value out of range: " + year + "-" + String.format("%02d", month) + "-" + String.format("%02d", day));
        }
    }
}
