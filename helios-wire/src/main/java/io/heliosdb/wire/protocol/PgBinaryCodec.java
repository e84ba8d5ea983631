package io.heliosdb.wire.protocol;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** PostgreSQL's binary wire form (format code 1) of each {@link SqlType}: network byte order throughout. */
public final class PgBinaryCodec {

    /** PostgreSQL's epoch for dates and timestamps. */
    private static final LocalDate PG_EPOCH_DATE = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime PG_EPOCH = PG_EPOCH_DATE.atStartOfDay();
    private static final java.time.OffsetDateTime PG_EPOCH_UTC = PG_EPOCH.atOffset(java.time.ZoneOffset.UTC);
    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;
    private static final short NUMERIC_NAN = (short) 0xC000;
    private static final BigInteger NBASE = BigInteger.valueOf(10_000);

    private PgBinaryCodec() {
    }

    /** The binary form of a non-null {@code value} of {@code type}. */
    public static byte[] encode(SqlType type, Object value) {
        return switch (type) {
            case BOOLEAN -> new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
            case SMALLINT -> bigEndian(((Number) value).shortValue(), 2);
            case INTEGER -> bigEndian(((Number) value).intValue(), 4);
            case BIGINT -> bigEndian(((Number) value).longValue(), 8);
            case REAL -> bigEndian(Float.floatToRawIntBits(((Number) value).floatValue()), 4);
            case DOUBLE -> bigEndian(Double.doubleToRawLongBits(((Number) value).doubleValue()), 8);
            case NUMERIC -> encodeNumeric((BigDecimal) value);
            case DATE -> ByteBuffer.allocate(4)
                    .putInt((int) ChronoUnit.DAYS.between(PG_EPOCH_DATE, (LocalDate) value)).array();
            case TIMESTAMP -> ByteBuffer.allocate(8)
                    .putLong(ChronoUnit.MICROS.between(PG_EPOCH, (LocalDateTime) value)).array();
            case TEXT, VARCHAR, UNKNOWN, CHAR -> value.toString().getBytes(StandardCharsets.UTF_8);
            case TIMESTAMPTZ -> ByteBuffer.allocate(8).putLong(ChronoUnit.MICROS.between(PG_EPOCH_UTC,
                    (java.time.OffsetDateTime) value)).array();
            case TIME -> ByteBuffer.allocate(8).putLong(io.heliosdb.api.TimeOfDay.micros((java.time.LocalTime) value)).array();
            // timetz: microseconds of the local time, then the zone in seconds west of UTC (PostgreSQL's sign).
            case TIMETZ -> ByteBuffer.allocate(12).putLong(io.heliosdb.api.TimeOfDay.micros(((java.time.OffsetTime) value).toLocalTime()))
                    .putInt(-((java.time.OffsetTime) value).getOffset().getTotalSeconds()).array();
            case INTERVAL -> {
                io.heliosdb.api.Interval i = (io.heliosdb.api.Interval) value;
                yield ByteBuffer.allocate(16).putLong(i.micros()).putInt(i.days()).putInt(i.months()).array();
            }
            case BYTEA -> ((byte[]) value).clone();
            case UUID -> ByteBuffer.allocate(16).putLong(((java.util.UUID) value).getMostSignificantBits())
                    .putLong(((java.util.UUID) value).getLeastSignificantBits()).array();
            case JSON -> value.toString().getBytes(StandardCharsets.UTF_8);
            case JSONB -> PgArrayBinary.jsonb(value.toString());
            case RECORD -> PgRecordBinary.encode(value.toString());
            default -> PgArrayBinary.encode(type, (java.util.List<?>) value);
        };
    }

    /** The low {@code length} bytes of {@code bits}, most significant first (no buffer object per value). */
    private static byte[] bigEndian(long bits, int length) {
        byte[] out = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (byte) bits;
            bits >>>= 8;
        }
        return out;
    }

    /** The value of {@code type} held in {@code bytes}; malformed input is a {@code 08P01} error. */
    public static Object decode(SqlType type, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        try {
            Object value = switch (type) {
                case BOOLEAN -> buf.get() != 0;
                case SMALLINT -> buf.getShort();
                case INTEGER -> buf.getInt();
                case BIGINT -> buf.getLong();
                case REAL -> buf.getFloat();
                case DOUBLE -> buf.getDouble();
                case NUMERIC -> decodeNumeric(buf);
                case DATE -> PG_EPOCH_DATE.plusDays(buf.getInt());
                case TIMESTAMP -> PG_EPOCH.plus(buf.getLong(), ChronoUnit.MICROS);
                case TIMESTAMPTZ -> PG_EPOCH_UTC.plus(buf.getLong(), ChronoUnit.MICROS);
                case TIME -> io.heliosdb.api.TimeOfDay.ofMicros(buf.getLong());
                case TIMETZ -> java.time.OffsetTime.of(io.heliosdb.api.TimeOfDay.ofMicros(buf.getLong()),
                        java.time.ZoneOffset.ofTotalSeconds(-buf.getInt()));
                case INTERVAL -> {
                    long micros = buf.getLong();
                    int days = buf.getInt();
                    yield new io.heliosdb.api.Interval(buf.getInt(), days, micros);
                }
                case BYTEA -> {
                    buf.position(bytes.length);
                    yield bytes.clone();
                }
                case UUID -> new java.util.UUID(buf.getLong(), buf.getLong());
                case TEXT, VARCHAR, UNKNOWN, CHAR, JSON -> {
                    buf.position(bytes.length);
                    yield new String(bytes, StandardCharsets.UTF_8);
                }
                case JSONB -> {
                    if (buf.get() != 1) {
                        throw badBinary(type);
                    }
                    buf.position(bytes.length);
                    yield new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
                }
                case RECORD -> throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                        "input of anonymous composite types is not implemented");
                default -> PgArrayBinary.decode(type, buf);
            };
            if (buf.hasRemaining()) {
                throw badBinary(type);
            }
            return value;
        } catch (java.nio.BufferUnderflowException | ArithmeticException | java.time.DateTimeException e) {
            throw badBinary(type);
        }
    }

    private static HeliosException badBinary(SqlType type) {
        return new HeliosException(SqlState.PROTOCOL_VIOLATION,
                "incorrect binary data format in bind parameter of type " + type.pgName());
    }

    private static byte[] encodeNumeric(BigDecimal value) {
        int dscale = Math.max(0, value.scale());
        BigInteger unscaled = value.abs().setScale(dscale).unscaledValue();
        // Align the fraction to whole base-10000 digits so every digit group is exact.
        int fractionGroups = (dscale + 3) / 4;
        BigInteger aligned = unscaled.multiply(BigInteger.TEN.pow(fractionGroups * 4 - dscale));
        java.util.ArrayDeque<Short> digits = new java.util.ArrayDeque<>();
        while (aligned.signum() > 0) {
            BigInteger[] qr = aligned.divideAndRemainder(NBASE);
            digits.addFirst(qr[1].shortValue());
            aligned = qr[0];
        }
        int weight = digits.size() - fractionGroups - 1;
        while (!digits.isEmpty() && digits.peekLast() == 0) {
            digits.removeLast();
        }
        while (!digits.isEmpty() && digits.peekFirst() == 0) {
            digits.removeFirst();
            weight--;
        }
        if (digits.isEmpty()) {
            weight = 0;
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + 2 * digits.size());
        buf.putShort((short) digits.size()).putShort((short) weight)
                .putShort(value.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS).putShort((short) dscale);
        digits.forEach(buf::putShort);
        return buf.array();
    }

    private static BigDecimal decodeNumeric(ByteBuffer buf) {
        int ndigits = buf.getShort();
        int weight = buf.getShort();
        short sign = buf.getShort();
        int dscale = buf.getShort();
        if (sign == NUMERIC_NAN || ndigits < 0 || dscale < 0 || (sign != NUMERIC_POS && sign != NUMERIC_NEG)) {
            throw new ArithmeticException("numeric NaN or bad header");
        }
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < ndigits; i++) {
            unscaled = unscaled.multiply(NBASE).add(BigInteger.valueOf(buf.getShort()));
        }
        // unscaled holds digits d0..d(n-1); d0 has weight `weight`, so the value is unscaled * 10000^(weight-n+1).
        BigDecimal value = new BigDecimal(unscaled).scaleByPowerOfTen(4 * (weight - ndigits + 1));
        value = value.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
        return sign == NUMERIC_NEG ? value.negate() : value;
    }
}
