package io.heliosdb.sql.types;

import io.heliosdb.api.Interval;
import io.heliosdb.api.IntervalTypmod;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TimeOfDay;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * The fractional-second precision of {@code time(p)}, {@code timetz(p)}, {@code timestamp(p)},
 * {@code timestamptz(p)} and {@code interval(p)}, rounded as PostgreSQL's AdjustTimestampForTypmod,
 * AdjustTimeForTypmod and AdjustIntervalForTypmod do. The typmod is PostgreSQL's: {@code p} for the
 * time and timestamp types, {@code (0x7FFF << 16) | p} (every field, precision p) for interval.
 */
public final class TemporalPrecision {
    private static final long[] SCALES = {1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};
    /** 2000-01-01 in microseconds since 1970: PostgreSQL rounds away from its own epoch, not Java's. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private TemporalPrecision() {
    }

    /** Whether {@code type} takes a fractional-second precision. */
    public static boolean applies(SqlType type) {
        return type == SqlType.TIME || type == SqlType.TIMETZ || type == SqlType.TIMESTAMP
                || type == SqlType.TIMESTAMPTZ || type == SqlType.INTERVAL;
    }

    /** The typmod of {@code type(p)}; p above 6 is lowered to 6, as PostgreSQL does (with a warning). */
    public static int typmod(SqlType type, int precision) {
        int p = Math.min(precision, 6);
        return type == SqlType.INTERVAL ? IntervalTypmod.of(IntervalTypmod.FULL_RANGE, p) : p;
    }

    /** Whether a typmod of {@code type} changes values: a precision, or an interval qualifier's fields. */
    public static boolean adjusts(SqlType type, int typmod) {
        return precision(type, typmod) >= 0 || type == SqlType.INTERVAL && IntervalFields.restricts(typmod);
    }

    /** The precision a typmod of {@code type} holds, or -1 when it holds none. */
    public static int precision(SqlType type, int typmod) {
        if (typmod < 0 || !applies(type)) {
            return -1;
        }
        int p = type == SqlType.INTERVAL ? IntervalTypmod.precision(typmod) : typmod;
        return p <= 6 ? p : -1;
    }

    /** {@code value} of {@code type} rounded to the typmod's precision (null stays null). */
    public static Object round(Object value, SqlType type, int typmod) {
        if (value != null && type == SqlType.INTERVAL && IntervalFields.restricts(typmod)) {
            value = IntervalFields.truncate((Interval) value, typmod);
        }
        int p = precision(type, typmod);
        if (value == null || p < 0 || p == 6) {
            return value;
        }
        long scale = SCALES[p];
        return switch (type) {
            case TIMESTAMP -> {
                LocalDateTime t = (LocalDateTime) value;
                yield t.plusNanos(1_000 * (roundedEpochMicros(t.toEpochSecond(ZoneOffset.UTC), t.getNano(), scale)
                        - microsOf(t.toEpochSecond(ZoneOffset.UTC), t.getNano())));
            }
            case TIMESTAMPTZ -> {
                OffsetDateTime t = (OffsetDateTime) value;
                yield t.plusNanos(1_000 * (roundedEpochMicros(t.toEpochSecond(), t.getNano(), scale)
                        - microsOf(t.toEpochSecond(), t.getNano())));
            }
            case TIME -> roundTime((LocalTime) value, scale);
            case TIMETZ -> {
                OffsetTime t = (OffsetTime) value;
                yield OffsetTime.of(roundTime(t.toLocalTime(), scale), t.getOffset());
            }
            case INTERVAL -> {
                Interval i = (Interval) value;
                yield new Interval(i.months(), i.days(), awayFromZero(i.micros(), scale));
            }
            default -> value;
        };
    }

    /** Every element of an array (of sub-arrays) of {@code element}, rounded: {@code timestamp(1)[]}. */
    public static Object roundElements(Object array, SqlType element, int typmod) {
        if (!(array instanceof java.util.List<?> list)) {
            return round(array, element, typmod);
        }
        java.util.List<Object> out = new java.util.ArrayList<>(list.size());
        for (Object e : list) {
            out.add(roundElements(e, element, typmod));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static long microsOf(long epochSecond, int nano) {
        return epochSecond * 1_000_000 + nano / 1_000;
    }

    /** Microseconds since 1970, rounded half away from zero relative to 2000-01-01 as PostgreSQL stores them. */
    private static long roundedEpochMicros(long epochSecond, int nano, long scale) {
        return awayFromZero(microsOf(epochSecond, nano) - PG_EPOCH_MICROS, scale) + PG_EPOCH_MICROS;
    }

    private static long awayFromZero(long micros, long scale) {
        return micros >= 0 ? (micros + scale / 2) / scale * scale : -((-micros + scale / 2) / scale * scale);
    }

    /** Half up within the day: 23:59:59.9 as time(0) is 24:00:00, as in PostgreSQL. */
    private static LocalTime roundTime(LocalTime t, long scale) {
        long micros = TimeOfDay.micros(t);
        return TimeOfDay.ofMicros(Math.min((micros + scale / 2) / scale * scale, TimeOfDay.MICROS_PER_DAY));
    }
}
