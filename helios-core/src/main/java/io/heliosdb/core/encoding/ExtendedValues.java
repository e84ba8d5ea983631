package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TimeOfDay;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Row encodings of the types added after the first release (timestamptz, time, timetz, interval, bytea, uuid);
 * kept apart from {@link RowCodec} so the original encodings, and the data written with them, stay untouched.
 */
final class ExtendedValues {

    private ExtendedValues() {
    }

    static void write(ByteWriter out, SqlType type, Object value) {
        switch (type) {
            case TIMESTAMPTZ -> out.writeSignedVarLong(epochMicros((OffsetDateTime) value));
            case TIME -> out.writeVarLong(TimeOfDay.micros((LocalTime) value));
            case TIMETZ -> out.writeVarLong(TimeOfDay.micros(((OffsetTime) value).toLocalTime()))
                    .writeSignedVarLong(((OffsetTime) value).getOffset().getTotalSeconds());
            case INTERVAL -> {
                Interval i = (Interval) value;
                out.writeSignedVarLong(i.months()).writeSignedVarLong(i.days()).writeSignedVarLong(i.micros());
            }
            case BYTEA -> {
                byte[] b = (byte[]) value;
                out.writeVarLong(b.length);
                out.write(b);
            }
            case UUID -> out.writeLongBE(((UUID) value).getMostSignificantBits()).writeLongBE(((UUID) value).getLeastSignificantBits());
            default -> throw new IllegalStateException("not an extended type: " + type);
        }
    }

    static Object read(ByteReader in, SqlType type) {
        return switch (type) {
            case TIMESTAMPTZ -> Instant.EPOCH.plus(in.readSignedVarLong(), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            case TIME -> TimeOfDay.ofMicros(in.readVarLong());
            case TIMETZ -> OffsetTime.of(TimeOfDay.ofMicros(in.readVarLong()),
                    ZoneOffset.ofTotalSeconds((int) in.readSignedVarLong()));
            case INTERVAL -> new Interval((int) in.readSignedVarLong(), (int) in.readSignedVarLong(), in.readSignedVarLong());
            case BYTEA -> in.read(in.readLength());
            case UUID -> new UUID(in.readLongBE(), in.readLongBE());
            default -> throw new IllegalStateException("not an extended type: " + type);
        };
    }

    /** Microseconds since 1970-01-01 UTC. */
    static long epochMicros(OffsetDateTime t) {
        try {
            return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    /** The UTC time of day of a timetz in microseconds, not wrapped: 01:00+02 is -3600000000. */
    static long utcMicros(OffsetTime t) {
        return TimeOfDay.micros(t.toLocalTime()) - t.getOffset().getTotalSeconds() * 1_000_000L;
    }
}
