package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.BuiltinCall;
import io.heliosdb.sql.types.TemporalCasts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Date/time operators and functions, uuid and bytea functions; timestamptz fields are read in the session's zone. */
final class TemporalFunctions {

    private TemporalFunctions() {
    }

    private static OffsetDateTime transactionStart(Runtime rt) {
        return rt.context() == null ? OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                : rt.context().transactionTimestamp().atOffset(ZoneOffset.UTC);
    }

    /** The evaluator, or null when {@code call} is not one of these functions. */
    static Evaluator compile(BuiltinCall call, Evaluator[] args) {
        SqlType first = call.args().isEmpty() ? null : call.args().get(0).type();
        SqlType second = call.args().size() > 1 ? call.args().get(1).type() : null;
        return switch (call.name()) {
            // now() is the transaction's start and statement_timestamp() the statement's, as in PostgreSQL.
            case "now" -> (row, rt) -> transactionStart(rt);
            case "statement_timestamp" -> (row, rt) -> rt.context() == null ? transactionStart(rt)
                    : rt.context().statementTimestamp().atOffset(ZoneOffset.UTC);
            case "clock_timestamp" -> (row, rt) -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            case "localtimestamp" -> (row, rt) -> transactionStart(rt).atZoneSameInstant(SessionZone.of(rt)).toLocalDateTime();
            case "gen_random_uuid" -> (row, rt) -> randomUuid();
            case "+interval", "-interval" -> {
                boolean add = call.name().startsWith("+");
                if (args.length == 1) {
                    yield strict(args, (a, rt) -> ((Interval) a[0]).negate());
                }
                yield strict(args, (a, rt) -> shift(first, a[0], add ? (Interval) a[1] : ((Interval) a[1]).negate(), rt));
            }
            case "+timetz" -> strict(args, (a, rt) -> TemporalCasts.utc(java.time.OffsetDateTime.of(((LocalDate) a[0]).atStartOfDay()
                    .plus(io.heliosdb.api.TimeOfDay.micros(((java.time.OffsetTime) a[1]).toLocalTime()), ChronoUnit.MICROS),
                    ((java.time.OffsetTime) a[1]).getOffset())));
            case "-timestamp" -> strict(args, (a, rt) -> difference(a[0], a[1]));
            case "*interval" -> strict(args, (a, rt) -> IntervalMath.multiply((Interval) a[0], (Double) a[1]));
            case "/interval" -> strict(args, (a, rt) -> {
                if ((Double) a[1] == 0) {
                    throw new HeliosException(SqlState.DIVISION_BY_ZERO, "division by zero");
                }
                return IntervalMath.multiply((Interval) a[0], 1 / (Double) a[1]);
            });
            case "date_part", "extract" -> {
                boolean numeric = call.name().equals("extract");
                yield strict(args, (a, rt) -> {
                    java.math.BigDecimal v = second == SqlType.TIMESTAMPTZ
                            ? DateFields.zoneField((String) a[0], (OffsetDateTime) a[1], SessionZone.of(rt)) : null;
                    if (v == null) {
                        v = DateFields.extract((String) a[0], second, local(second, a[1], rt));
                    }
                    return numeric ? v : (Object) v.doubleValue();
                });
            }
            case "date_trunc" -> strict(args, (a, rt) -> {
                if (second == SqlType.INTERVAL) {
                    return DateFields.truncInterval((String) a[0], (Interval) a[1]);
                }
                LocalDateTime t = DateFields.trunc((String) a[0], (LocalDateTime) local(second, a[1], rt));
                return second == SqlType.TIMESTAMPTZ ? TemporalCasts.inZone(t, SessionZone.of(rt)) : t;
            });
            case "to_char" -> strict(args, (a, rt) -> DateFormat.format(local(first, a[0], rt), (String) a[1],
                    first == SqlType.TIMESTAMPTZ ? SessionZone.of(rt) : null));
            case "age" -> strict(args, (a, rt) -> {
                Object older = a.length == 2 ? a[1] : a[0];
                Object newer;
                if (a.length == 2) {
                    newer = a[0];
                } else {
                    LocalDate today = LocalDate.now(SessionZone.of(rt));
                    newer = first == SqlType.TIMESTAMPTZ ? TemporalCasts.utc(today.atStartOfDay(SessionZone.of(rt)).toOffsetDateTime())
                            : today.atStartOfDay();
                }
                return IntervalMath.age((LocalDateTime) local(first, newer, rt), (LocalDateTime) local(first, older, rt));
            });
            case "make_date" -> strict(args, (a, rt) -> DateFields.makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2]));
            case "make_timestamp" -> strict(args, (a, rt) -> DateFields.makeDate((Integer) a[0], (Integer) a[1], (Integer) a[2])
                    .atTime((Integer) a[3], (Integer) a[4]).plusNanos(Math.round((Double) a[5] * 1_000_000) * 1000));
            case "to_timestamp" -> args.length == 1
                    ? strict(args, (a, rt) -> {
                        double seconds = (Double) a[0];
                        long micros = Math.round(seconds * 1_000_000);
                        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
                    })
                    : strict(args, (a, rt) -> TemporalCasts.inZone(DateFormat.parse((String) a[0], (String) a[1]),
                            SessionZone.of(rt)));
            case "to_date" -> strict(args, (a, rt) -> DateFormat.parse((String) a[0], (String) a[1]).toLocalDate());
            case "encode" -> strict(args, (a, rt) -> encode((byte[]) a[0], (String) a[1]));
            case "decode" -> strict(args, (a, rt) -> decode((String) a[0], (String) a[1]));
            case "bytea_length" -> strict(args, (a, rt) -> ((byte[]) a[0]).length);
            default -> ZoneFunctions.compile(call, args);
        };
    }

    /** A function of the non-null argument values and the runtime. */
    private interface ValuesFunction {
        Object apply(Object[] values, Runtime rt);
    }

    private static Evaluator strict(Evaluator[] args, ValuesFunction f) {
        return (row, rt) -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].evaluate(row, rt);
                if (values[i] == null) {
                    return null;
                }
            }
            return f.apply(values, rt);
        };
    }

    /** A timestamptz as wall-clock time in the session's zone; other values unchanged. */
    private static Object local(SqlType type, Object v, Runtime rt) {
        return type == SqlType.TIMESTAMPTZ ? TemporalCasts.local(v, SessionZone.of(rt)) : v;
    }

    static Object shift(SqlType type, Object v, Interval by, Runtime rt) {
        try {
            return switch (type) {
                case TIMESTAMP -> plus((LocalDateTime) v, by);
                case TIMESTAMPTZ -> {
                    ZoneId zone = SessionZone.of(rt);
                    // Months and days move the wall clock in the session's zone; the time part moves the instant.
                    // Without months and days the wall clock is not consulted: a repeated hour must not fold back.
                    OffsetDateTime moved = by.months() == 0 && by.days() == 0 ? (OffsetDateTime) v
                            : TemporalCasts.inZone(TemporalCasts.local(v, zone).plusMonths(by.months()).plusDays(by.days()), zone);
                    yield TemporalCasts.utc(moved.plus(by.micros(), ChronoUnit.MICROS));
                }
                case TIME -> timePlus((LocalTime) v, by);
                case TIMETZ -> java.time.OffsetTime.of(timePlus(((java.time.OffsetTime) v).toLocalTime(), by),
                        ((java.time.OffsetTime) v).getOffset());
                case INTERVAL -> ((Interval) v).plus(by);
                default -> throw new IllegalStateException("no interval arithmetic on " + type);
            };
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    /** time + interval wraps around the day; 24:00:00 counts as the day's end (+ 0 gives 00:00:00). */
    private static LocalTime timePlus(LocalTime t, Interval by) {
        return io.heliosdb.api.TimeOfDay.ofMicros(Math.floorMod(io.heliosdb.api.TimeOfDay.micros(t) + by.micros(),
                Interval.MICROS_PER_DAY));
    }

    private static LocalDateTime plus(LocalDateTime t, Interval by) {
        return t.plusMonths(by.months()).plusDays(by.days()).plus(by.micros(), ChronoUnit.MICROS);
    }

    /** timestamp - timestamp: whole days and the time left over, as PostgreSQL's timestamp_mi gives it. */
    private static Interval difference(Object a, Object b) {
        long micros;
        if (a instanceof LocalTime x) {
            return new Interval(0, 0, io.heliosdb.api.TimeOfDay.micros(x) - io.heliosdb.api.TimeOfDay.micros((LocalTime) b));
        } else if (a instanceof OffsetDateTime x) {
            micros = ChronoUnit.MICROS.between((OffsetDateTime) b, x);
        } else {
            micros = ChronoUnit.MICROS.between((LocalDateTime) b, (LocalDateTime) a);
        }
        return new Interval(0, (int) (micros / Interval.MICROS_PER_DAY), micros % Interval.MICROS_PER_DAY);
    }

    private static UUID randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb);
    }

    private static String encode(byte[] data, String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(data);
            case "base64" -> Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
            case "escape" -> {
                StringBuilder sb = new StringBuilder();
                for (byte b : data) {
                    int v = b & 0xFF;
                    if (v == '\\') {
                        sb.append("\\\\");
                    } else if (v == 0 || v >= 0x80) {
                        sb.append(String.format("\\%03o", v));
                    } else {
                        sb.append((char) v);
                    }
                }
                yield sb.toString();
            }
            default -> throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
        };
    }

    private static byte[] decode(String text, String format) {
        try {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "hex" -> HexFormat.of().parseHex(text.replaceAll("\\s", ""));
                case "base64" -> Base64.getMimeDecoder().decode(text);
                case "escape" -> (byte[]) SqlType.BYTEA.parse(text);
                default -> throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "unrecognized encoding: \"" + format + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE, "invalid " + format + " data: " + e.getMessage());
        }
    }
}
