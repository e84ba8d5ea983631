package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Order-preserving encoding of typed values: encoded keys compare as unsigned bytes exactly as
 * the values compare in SQL (text in byte order, like PostgreSQL's "C" collation). Every encoding
 * is self-delimiting, so a composite key is its values' encodings concatenated.
 */
public final class KeyEncoder {
    private static final byte NUMERIC_NEGATIVE = 0x01;
    private static final byte NUMERIC_ZERO = 0x02;
    private static final byte NUMERIC_POSITIVE = 0x03;

    private KeyEncoder() {
    }

    /** The encoding of a composite key; no value may be null. */
    public static byte[] encode(List<SqlType> types, Object[] values) {
        ByteWriter out = new ByteWriter(16);
        for (int i = 0; i < types.size(); i++) {
            append(out, types.get(i), values[i]);
        }
        return out.toByteArray();
    }

    /** The encoding of one value. */
    public static byte[] encode(SqlType type, Object value) {
        ByteWriter out = new ByteWriter(16);
        append(out, type, value);
        return out.toByteArray();
    }

    /** Appends the encoding of one non-null value. */
    public static void append(ByteWriter out, SqlType type, Object rawValue) {
        if (rawValue == null) {
            throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "a key value may not be null");
        }
        Object value = ValueCoercion.coerce(type, rawValue);
        switch (type) {
            case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
            case SMALLINT -> out.writeShortBE(((Short) value) ^ 0x8000);
            case INTEGER -> out.writeIntBE(((Integer) value) ^ Integer.MIN_VALUE);
            case BIGINT -> out.writeLongBE(((Long) value) ^ Long.MIN_VALUE);
            case REAL -> out.writeIntBE(orderedFloatBits((Float) value));
            case DOUBLE -> out.writeLongBE(orderedDoubleBits((Double) value));
            case NUMERIC -> appendNumeric(out, (BigDecimal) value);
            case TEXT, VARCHAR, UNKNOWN, CHAR, JSON, JSONB, RECORD -> appendText(out, (String) value);
            case TIMESTAMPTZ -> out.writeLongBE(ExtendedValues.epochMicros((java.time.OffsetDateTime) value) ^ Long.MIN_VALUE);
            case TIME -> out.writeLongBE(io.heliosdb.api.TimeOfDay.micros((java.time.LocalTime) value));
            // timetz orders by its UTC time, then by zone (seconds west, so the eastern offset first).
            case TIMETZ -> out.writeLongBE(ExtendedValues.utcMicros((java.time.OffsetTime) value) ^ Long.MIN_VALUE)
                    .writeIntBE(-((java.time.OffsetTime) value).getOffset().getTotalSeconds() ^ Integer.MIN_VALUE);
            case INTERVAL -> out.writeLongBE(((io.heliosdb.api.Interval) value).span() ^ Long.MIN_VALUE);
            case UUID -> out.writeLongBE(((java.util.UUID) value).getMostSignificantBits())
                    .writeLongBE(((java.util.UUID) value).getLeastSignificantBits());
            case BYTEA -> appendBytes(out, (byte[]) value);
            // Arrays are not ordered by their keys: the row encoding makes equal arrays equal keys.
            default -> {
                ByteWriter row = new ByteWriter();
                ArrayValues.write(row, type, (java.util.List<?>) value);
                appendBytes(out, row.toByteArray());
            }
            case DATE -> out.writeLongBE(((LocalDate) value).toEpochDay() ^ Long.MIN_VALUE);
            case TIMESTAMP -> out.writeLongBE(epochMicros((LocalDateTime) value) ^ Long.MIN_VALUE);
        }
    }

    static int orderedFloatBits(float f) {
        // -0 equals 0 in SQL and all NaNs are one value, greater than every other.
        int bits = f == 0.0f ? 0 : Float.floatToIntBits(f);
        return bits < 0 ? ~bits : bits ^ Integer.MIN_VALUE;
    }

    static long orderedDoubleBits(double d) {
        long bits = d == 0.0 ? 0 : Double.doubleToLongBits(d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    /** Epoch microseconds (UTC wall clock), the precision of a PostgreSQL timestamp. */
    public static long epochMicros(LocalDateTime ts) {
        try {
            long seconds = ts.toEpochSecond(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), ts.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new HeliosException(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    /** UTF-8 with 0x00 escaped as 0x00 0xFF, ended by 0x00 0x00 (so a prefix sorts first whatever follows). */
    private static void appendText(ByteWriter out, String s) {
        appendBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void appendBytes(ByteWriter out, byte[] utf8) {
        int start = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == 0) {
                out.write(utf8, start, i - start + 1);
                out.write(0xFF);
                start = i + 1;
            }
        }
        out.write(utf8, start, utf8.length - start);
        out.write(0).write(0);
    }

    /**
     * Sign byte, then for a value 0.d1d2...dn × 10^e: e as a sign-flipped int, then the digits two
     * per byte (value + 1, so never 0x00), ended by 0x00. A negative value inverts exponent and
     * digit bytes so larger magnitudes sort first.
     */
    private static void appendNumeric(ByteWriter out, BigDecimal value) {
        int signum = value.signum();
        if (signum == 0) {
            out.write(NUMERIC_ZERO);
            return;
        }
        BigDecimal normalized = value.abs().stripTrailingZeros();
        String digits = normalized.unscaledValue().toString();
        long exponent = (long) digits.length() - normalized.scale();
        if (exponent > Integer.MAX_VALUE || exponent < Integer.MIN_VALUE + 1) {
            throw new HeliosException(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range");
        }
        boolean negative = signum < 0;
        out.write(negative ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        int e = (int) exponent;
        out.writeIntBE((negative ? -e : e) ^ Integer.MIN_VALUE);
        for (int i = 0; i < digits.length(); i += 2) {
            int hi = digits.charAt(i) - '0';
            int lo = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0;
            int b = hi * 10 + lo + 1;
            out.write(negative ? 0xFF - b : b);
        }
        out.write(negative ? 0xFF : 0x00);
    }
}
