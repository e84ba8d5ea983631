package io.heliosdb.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowCodecTest {
    private static final List<SqlType> ALL = List.of(SqlType.BOOLEAN, SqlType.SMALLINT, SqlType.INTEGER,
            SqlType.BIGINT, SqlType.REAL, SqlType.DOUBLE, SqlType.NUMERIC, SqlType.TEXT, SqlType.VARCHAR,
            SqlType.DATE, SqlType.TIMESTAMP);

    private static Object[] roundTrip(List<SqlType> types, Object[] row) {
        return RowCodec.decode(types, RowCodec.encode(types, row));
    }

    @Test
    void everyType_roundTrips() {
        Object[] row = {true, (short) -32768, Integer.MIN_VALUE, Long.MAX_VALUE, -1.5f, Double.NaN,
                new BigDecimal("-12345678901234567890.000123"), "héllo \0 wörld 😀", "", LocalDate.of(-44, 3, 15),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)};
        assertThat(roundTrip(ALL, row)).containsExactly(row);
    }

    @Test
    void extremes_roundTrip() {
        Object[] row = {false, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, Float.NEGATIVE_INFINITY,
                -0.0, BigDecimal.ZERO.setScale(4), "x".repeat(10_000), "v", LocalDate.MAX, LocalDateTime.MIN};
        Object[] back = roundTrip(ALL, row);
        assertThat(back).containsExactly(row);
        assertThat(((BigDecimal) back[6]).scale()).isEqualTo(4);
        assertThat(Double.doubleToRawLongBits((Double) back[5])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void nulls_roundTripInEveryPosition() {
        for (int i = 0; i < ALL.size(); i++) {
            Object[] row = new Object[ALL.size()];
            row[i] = null;
            for (int j = 0; j < ALL.size(); j++) {
                if (j != i) {
                    row[j] = j % 2 == 0 ? null : sample(ALL.get(j));
                }
            }
            assertThat(roundTrip(ALL, row)).containsExactly(row);
        }
        assertThat(roundTrip(ALL, new Object[ALL.size()])).containsOnlyNulls();
    }

    @Test
    void smallValues_areCompact() {
        List<SqlType> types = List.of(SqlType.BIGINT, SqlType.INTEGER, SqlType.TEXT);
        byte[] encoded = RowCodec.encode(types, new Object[] {1L, -3, "ab"});
        // count + bitmap + 1 + 1 + (1 + 2)
        assertThat(encoded).hasSize(7);
    }

    @Test
    void rowWithFewerStoredColumns_readsMissingAsNull() {
        byte[] old = RowCodec.encode(List.of(SqlType.INTEGER), new Object[] {5});
        assertThat(RowCodec.decode(List.of(SqlType.INTEGER, SqlType.TEXT), old)).containsExactly(5, null);
    }

    @Test
    void truncatedBytes_areCorruptionNotACrash() {
        byte[] encoded = RowCodec.encode(List.of(SqlType.TEXT), new Object[] {"hello"});
        byte[] cut = Arrays.copyOf(encoded, encoded.length - 2);
        assertThatThrownBy(() -> RowCodec.decode(List.of(SqlType.TEXT), cut))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
    }

    private static Object sample(SqlType type) {
        return switch (type) {
            case BOOLEAN -> true;
            case SMALLINT -> (short) 7;
            case INTEGER -> 42;
            case BIGINT -> -9L;
            case REAL -> 2.5f;
            case DOUBLE -> 1e300;
            case NUMERIC -> new BigDecimal("3.14");
            case TIMESTAMPTZ -> java.time.OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6000, java.time.ZoneOffset.UTC);
            case TIME -> java.time.LocalTime.of(3, 4, 5, 6000);
            case INTERVAL -> new io.heliosdb.api.Interval(14, -3, 14_706_000_000L);
            case BYTEA -> new byte[] {0, (byte) 0xff, 7};
            case UUID -> java.util.UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            case CHAR -> "x ";
            case TEXT, VARCHAR, UNKNOWN -> "t";
            case DATE -> LocalDate.of(2000, 2, 29);
            case TIMESTAMP -> LocalDateTime.of(2024, 5, 6, 7, 8, 9);
            case JSON, JSONB -> "{\"a\": [1, null]}";
            default -> java.util.Arrays.asList(sample(type.elementType()), null);
        };
    }

    @Test
    void decodeAtOffset_readsTheRowInPlace() {
        List<SqlType> types = List.of(SqlType.BIGINT, SqlType.TEXT, SqlType.NUMERIC, SqlType.INTEGER);
        byte[] row = RowCodec.encode(types, new Object[] {7L, "héllo", new java.math.BigDecimal("-12.50"), null});
        byte[] framed = new byte[row.length + 9];
        Arrays.fill(framed, (byte) 0x7F);
        System.arraycopy(row, 0, framed, 9, row.length);
        assertThat(RowCodec.decode(types.toArray(new SqlType[0]), framed, 9))
                .containsExactly(7L, "héllo", new java.math.BigDecimal("-12.50"), null);
    }

    @Test
    void hugeStoredLength_isCorruptionNotAnOverflow() {
        // One column, no nulls, then a text length of 2^31 - 1 with two bytes behind it.
        byte[] bad = {1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'a', 'b'};
        assertThatThrownBy(() -> RowCodec.decode(types(SqlType.TEXT), bad, 0))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
        assertThatThrownBy(() -> RowCodec.decode(types(SqlType.TEXT), bad, 2))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
    }

    private static SqlType[] types(SqlType... types) {
        return types;
    }
}
