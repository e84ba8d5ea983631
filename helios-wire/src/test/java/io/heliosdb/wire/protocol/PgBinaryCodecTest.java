package io.heliosdb.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PgBinaryCodecTest {

    @Test
    void encode_integersAreBigEndian() {
        assertThat(PgBinaryCodec.encode(SqlType.INTEGER, 258)).containsExactly(0, 0, 1, 2);
        assertThat(PgBinaryCodec.encode(SqlType.SMALLINT, (short) -2)).containsExactly(0xff, 0xfe);
        assertThat(PgBinaryCodec.encode(SqlType.BOOLEAN, true)).containsExactly(1);
    }

    @Test
    void encode_longsAndFloats_areBigEndianBitPatterns() {
        assertThat(PgBinaryCodec.encode(SqlType.BIGINT, -2L)).containsExactly(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe);
        assertThat(PgBinaryCodec.encode(SqlType.INTEGER, Integer.MIN_VALUE)).containsExactly(0x80, 0, 0, 0);
        assertThat(PgBinaryCodec.encode(SqlType.REAL, 1.5f)).containsExactly(0x3f, 0xc0, 0, 0);
        assertThat(PgBinaryCodec.encode(SqlType.DOUBLE, -2.0)).containsExactly(0xc0, 0, 0, 0, 0, 0, 0, 0);
        for (Object value : new Object[] {(short) -12345, 123456789, Long.MIN_VALUE + 7, -0.25f, Math.PI}) {
            SqlType type = value instanceof Short ? SqlType.SMALLINT : value instanceof Integer ? SqlType.INTEGER
                    : value instanceof Long ? SqlType.BIGINT : value instanceof Float ? SqlType.REAL : SqlType.DOUBLE;
            assertThat(PgBinaryCodec.decode(type, PgBinaryCodec.encode(type, value))).isEqualTo(value);
        }
    }

    @Test
    void encode_dateAndTimestamp_countFromPostgresEpoch() {
        assertThat(PgBinaryCodec.encode(SqlType.DATE, LocalDate.of(2000, 1, 2))).containsExactly(0, 0, 0, 1);
        assertThat(PgBinaryCodec.decode(SqlType.TIMESTAMP, PgBinaryCodec.encode(SqlType.TIMESTAMP,
                LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000))))
                .isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000));
    }

    @Test
    void timetz_isMicrosThenZoneSecondsWest() {
        java.time.OffsetTime t = java.time.OffsetTime.of(0, 0, 1, 0, java.time.ZoneOffset.ofHours(2));
        // 1 000 000 microseconds, then -7200 (PostgreSQL counts the zone west of UTC)
        assertThat(PgBinaryCodec.encode(SqlType.TIMETZ, t))
                .containsExactly(0, 0, 0, 0, 0, 0x0f, 0x42, 0x40, 0xff, 0xff, 0xe3, 0xe0);
        java.time.OffsetTime odd = java.time.OffsetTime.of(23, 59, 59, 999_999_000, java.time.ZoneOffset.ofHoursMinutes(-7, -30));
        assertThat(PgBinaryCodec.decode(SqlType.TIMETZ, PgBinaryCodec.encode(SqlType.TIMETZ, odd))).isEqualTo(odd);
        assertThatThrownBy(() -> PgBinaryCodec.decode(SqlType.TIMETZ, new byte[8])).isInstanceOf(HeliosException.class);
    }

    @Test
    void encode_numeric_usesBase10000Digits() {
        // 12345.678: digits [1, 2345, 6780], weight 1, positive, dscale 3
        assertThat(PgBinaryCodec.encode(SqlType.NUMERIC, new BigDecimal("12345.678")))
                .containsExactly(0, 3, 0, 1, 0, 0, 0, 3, 0, 1, 0x09, 0x29, 0x1a, 0x7c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "1", "-1", "10000", "0.0001", "-123456789.987654321", "1e20", "0.5"})
    void numeric_roundTrips(String text) {
        BigDecimal value = new BigDecimal(text);
        BigDecimal back = (BigDecimal) PgBinaryCodec.decode(SqlType.NUMERIC, PgBinaryCodec.encode(SqlType.NUMERIC, value));
        assertThat(back).isEqualByComparingTo(value);
        assertThat(back.scale()).isEqualTo(Math.max(0, value.scale()));
    }

    @Test
    void decode_wrongLength_is08P01() {
        assertThatThrownBy(() -> PgBinaryCodec.decode(SqlType.INTEGER, new byte[] {1, 2}))
                .isInstanceOf(HeliosException.class)
                .satisfies(e -> assertThat(((HeliosException) e).sqlState().code()).isEqualTo("08P01"));
        assertThatThrownBy(() -> PgBinaryCodec.decode(SqlType.BIGINT, new byte[9]))
                .isInstanceOf(HeliosException.class);
    }

    @Test
    void decode_text_isUtf8() {
        assertThat(PgBinaryCodec.decode(SqlType.TEXT, "héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("héllo");
    }
}
