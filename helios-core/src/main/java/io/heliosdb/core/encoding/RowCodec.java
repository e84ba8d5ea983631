package io.heliosdb.core.encoding;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Compact row values: the column count, a null bitmap, then each non-null value in a compact
 * form (varints for integers and dates, raw bits for floats, length-prefixed UTF-8 for text).
 * A row stored with fewer columns than the table now has reads its missing columns as null.
 */
public final class RowCodec {

    private RowCodec() {
    }

    public static byte[] encode(List<SqlType> types, Object[] values) {
        int n = types.size();
        ByteWriter out = new ByteWriter(16 + n * 8);
        out.writeVarLong(n);
        byte[] bitmap = new byte[(n + 7) / 8];
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                bitmap[i >> 3] |= (byte) (1 << (i & 7));
            }
        }
        out.write(bitmap);
        for (int i = 0; i < n; i++) {
            if (values[i] != null) {
                writeValue(out, types.get(i), ValueCoercion.coerce(types.get(i), values[i]));
            }
        }
        return out.toByteArray();
    }

    public static Object[] decode(List<SqlType> types, byte[] bytes) {
        return decode(types.toArray(new SqlType[0]), bytes, 0);
    }

    /**
     * Decodes the row stored from {@code offset} to the end of {@code bytes}, reading it in place
     * (scans decode straight out of the stored version, with no copy of the row first).
     */
    public static Object[] decode(SqlType[] types, byte[] bytes, int offset) {
        ByteReader in = new ByteReader(bytes, offset);
        int stored = in.readLength();
        if (stored > types.length) {
            throw new HeliosException(SqlState.DATA_CORRUPTED,
                    "stored row has " + stored + " columns, the table has " + types.length);
        }
        int bitmap = in.skip((stored + 7) / 8);
        Object[] values = new Object[types.length];
        for (int i = 0; i < stored; i++) {
            boolean isNull = (bytes[bitmap + (i >> 3)] & (1 << (i & 7))) != 0;
            if (!isNull) {
                values[i] = readValue(in, types[i]);
            }
        }
        return values;
    }

    static void writeValue(ByteWriter out, SqlType type, Object value) {
        switch (type) {
            case BOOLEAN -> out.write((Boolean) value ? 1 : 0);
            case SMALLINT, INTEGER, BIGINT -> out.writeSignedVarLong(((Number) value).longValue());
            case REAL -> out.writeIntBE(Float.floatToIntBits((Float) value));
            case DOUBLE -> out.writeLongBE(Double.doubleToLongBits((Double) value));
            case NUMERIC -> {
                BigDecimal d = (BigDecimal) value;
                byte[] unscaled = d.unscaledValue().toByteArray();
                out.writeSignedVarLong(d.scale());
                out.writeVarLong(unscaled.length);
                out.write(unscaled);
            }
            case TIMESTAMPTZ, TIME, TIMETZ, INTERVAL, BYTEA, UUID -> ExtendedValues.write(out, type, value);
            case TEXT, VARCHAR, UNKNOWN, CHAR, JSON, JSONB, RECORD -> {
                byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.writeVarLong(utf8.length);
                out.write(utf8);
            }
            case DATE -> out.writeSignedVarLong(((LocalDate) value).toEpochDay());
            case TIMESTAMP -> {
                LocalDateTime ts = (LocalDateTime) value;
                out.writeSignedVarLong(ts.toEpochSecond(ZoneOffset.UTC));
                out.writeVarLong(ts.getNano());
            }
            default -> ArrayValues.write(out, type, (java.util.List<?>) value);
        }
    }

    static Object readValue(ByteReader in, SqlType type) {
        try {
            return switch (type) {
                case BOOLEAN -> in.read() != 0;
                case SMALLINT -> (short) in.readSignedVarLong();
                case INTEGER -> (int) in.readSignedVarLong();
                case BIGINT -> in.readSignedVarLong();
                case REAL -> Float.intBitsToFloat(in.readIntBE());
                case DOUBLE -> Double.longBitsToDouble(in.readLongBE());
                case NUMERIC -> {
                    int scale = (int) in.readSignedVarLong();
                    int length = in.readLength();
                    yield new BigDecimal(new BigInteger(in.buffer(), in.skip(length), length), scale);
                }
                case TIMESTAMPTZ, TIME, TIMETZ, INTERVAL, BYTEA, UUID -> ExtendedValues.read(in, type);
                case TEXT, VARCHAR, UNKNOWN, CHAR, JSON, JSONB, RECORD -> {
                    int length = in.readLength();
                    yield new String(in.buffer(), in.skip(length), length, StandardCharsets.UTF_8);
                }
                case DATE -> LocalDate.ofEpochDay(in.readSignedVarLong());
                case TIMESTAMP -> LocalDateTime.ofEpochSecond(in.readSignedVarLong(), (int) in.readVarLong(),
                        ZoneOffset.UTC);
                default -> ArrayValues.read(in, type);
            };
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "stored " + type.sqlName() + " value is corrupted", e);
        }
    }
}
