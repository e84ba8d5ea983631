package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TemporalText;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TemporalCasts;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The functions typed by {@code analyze.ZoneSignatures}. */
final class ZoneFunctions {
    /** A POSIX-style offset ({@code +05}, {@code UTC-3}, {@code -04:30}): hours west of Greenwich, PostgreSQL's reading. */
    private static final Pattern POSIX_OFFSET = Pattern.compile("(?i)(?:utc|gmt)?([+-]?)(\\d{1,2})(?::(\\d{2}))?");

    private ZoneFunctions() {
    }

    /** The evaluator, or null when {@code call} is not one of these functions. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        return switch (call.name()) {
            case "timezone" -> {
                boolean fromTimestamp = call.args().get(1).type() == SqlType.TIMESTAMP;
                boolean timeTz = call.args().get(1).type() == SqlType.TIMETZ;
                boolean intervalZone = call.args().get(0).type() == SqlType.INTERVAL;
                yield (row, rt) -> {
                    Object z = args[0].evaluate(row, rt);
                    Object v = args[1].evaluate(row, rt);
                    if (z == null || v == null) {
                        return null;
                    }
                    ZoneId zone = intervalZone ? offset((Interval) z) : zone((String) z);
                    if (timeTz) {
                        OffsetTime t = (OffsetTime) v;
                        // shifting wraps around the day, where 24:00:00 is 00:00:00
                        t = io.heliosdb.api.TimeOfDay.isEndOfDay(t.toLocalTime()) ? t.with(java.time.LocalTime.MIDNIGHT) : t;
                        return t.withOffsetSameInstant(zone.getRules().getOffset(start(rt).toInstant()));
                    }
                    return fromTimestamp ? TemporalCasts.inZone((LocalDateTime) v, zone)
                            : TemporalCasts.local(v, zone);
                };
            }
            case "current_time" -> (row, rt) -> {
                ZoneId zone = SessionZone.of(rt);
                LocalDateTime local = round(local(rt), (Integer) args[0].evaluate(row, rt));
                return OffsetTime.of(local.toLocalTime(), zone.getRules().getOffset(start(rt).toInstant()));
            };
            case "localtime" -> (row, rt) -> round(local(rt), (Integer) args[0].evaluate(row, rt)).toLocalTime();
            case "localtimestamp(p)" -> (row, rt) -> round(local(rt), (Integer) args[0].evaluate(row, rt));
            case "current_timestamp(p)" -> (row, rt) -> {
                OffsetDateTime now = TemporalCasts.utc(start(rt));
                return now.with(round(now.toLocalDateTime(), (Integer) args[0].evaluate(row, rt)));
            };
            case "justify_days" -> strict(args[0], IntervalJustify::days);
            case "justify_hours" -> strict(args[0], IntervalJustify::hours);
            case "justify_interval" -> strict(args[0], IntervalJustify::interval);
            default -> null;
        };
    }

    private static Evaluator strict(Evaluator arg, java.util.function.UnaryOperator<Interval> f) {
        return (row, rt) -> {
            Object v = arg.evaluate(row, rt);
            return v == null ? null : f.apply((Interval) v);
        };
    }

    private static OffsetDateTime start(Runtime rt) {
        return rt.context() == null ? OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                : rt.context().transactionTimestamp().atOffset(ZoneOffset.UTC);
    }

    private static LocalDateTime local(Runtime rt) {
        return start(rt).atZoneSameInstant(SessionZone.of(rt)).toLocalDateTime();
    }

    /** Rounds to {@code digits} fractional-second digits, half up as PostgreSQL's timestamp rounding does. */
    static LocalDateTime round(LocalDateTime t, int digits) {
        long unit = (long) Math.pow(10, 9 - digits);
        long nanos = t.getNano();
        long rounded = (nanos + unit / 2) / unit * unit;
        return t.withNano(0).plusNanos(rounded);
    }

    /** An interval zone is an offset east of Greenwich. */
    private static ZoneId offset(Interval z) {
        if (z.months() != 0 || z.days() != 0) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "interval time zone \"" + z
                    + "\" must not include months or days");
        }
        try {
            return ZoneOffset.ofTotalSeconds(Math.toIntExact(z.micros() / 1_000_000));
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "interval time zone \"" + z + "\" must be less than 18 hours");
        }
    }

    /** A zone named as AT TIME ZONE reads it: a zone or abbreviation name, else a POSIX offset (positive is west). */
    static ZoneId zone(String name) {
        Matcher m = POSIX_OFFSET.matcher(name.strip());
        if (m.matches()) {
            int seconds = Integer.parseInt(m.group(2)) * 3600 + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)) * 60);
            try {
                return ZoneOffset.ofTotalSeconds(m.group(1).equals("-") ? seconds : -seconds);
            } catch (java.time.DateTimeException e) {
                throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "time zone \"" + name + "\" not recognized");
            }
        }
        return TemporalText.zoneNamed(name);
    }
}
