package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTzTextTest {

    private static OffsetTime at(int h, int m, int s, int offsetSeconds) {
        return OffsetTime.of(LocalTime.of(h, m, s), ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    @Test
    void format_showsOffsetMinutesAndSecondsOnlyWhenSet() {
        assertThat(SqlType.TIMETZ.format(at(10, 30, 0, 7200))).isEqualTo("10:30:00+02");
        assertThat(SqlType.TIMETZ.format(at(23, 59, 59, -(7 * 3600 + 1800)))).isEqualTo("23:59:59-07:30");
        assertThat(SqlType.TIMETZ.format(at(0, 0, 0, 5 * 3600 + 30 * 60 + 15))).isEqualTo("00:00:00+05:30:15");
        assertThat(SqlType.TIMETZ.format(OffsetTime.of(LocalTime.of(1, 2, 3, 450_000_000), ZoneOffset.UTC)))
                .isEqualTo("01:02:03.45+00");
    }

    @Test
    void parse_readsOffsetsInPostgresForms() {
        assertThat(SqlType.TIMETZ.parse("10:30:00+02")).isEqualTo(at(10, 30, 0, 7200));
        assertThat(SqlType.TIMETZ.parse(" 04:05:06 -0800 ")).isEqualTo(at(4, 5, 6, -8 * 3600));
        assertThat(SqlType.TIMETZ.parse("04:05-08:30")).isEqualTo(at(4, 5, 0, -(8 * 3600 + 1800)));
        assertThat(SqlType.TIMETZ.parse("12:00 z")).isEqualTo(at(12, 0, 0, 0));
        assertThat(SqlType.TIMETZ.parse("allballs")).isEqualTo(at(0, 0, 0, 0));
        assertThat(SqlType.TIMETZ.parse("01:02:03.1234567+01"))
                .isEqualTo(OffsetTime.of(LocalTime.of(1, 2, 3, 123_457_000), ZoneOffset.ofHours(1)));
    }

    @Test
    void parse_withoutZone_takesTheGivenZonesOffset() {
        assertThat(TimeTzText.parse("10:00", ZoneOffset.ofHours(3))).isEqualTo(at(10, 0, 0, 3 * 3600));
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(TimeTzText.parse("2024-07-01 10:00", newYork)).isEqualTo(at(10, 0, 0, -4 * 3600));
        assertThat(TimeTzText.parse("2024-01-01 10:00", newYork)).isEqualTo(at(10, 0, 0, -5 * 3600));
    }

    @Test
    void parse_namedZoneWithDaylightSaving_needsADate() {
        assertThat(SqlType.TIMETZ.parse("2024-07-01 10:00 America/New_York")).isEqualTo(at(10, 0, 0, -4 * 3600));
        assertThatThrownBy(() -> SqlType.TIMETZ.parse("10:00 America/New_York"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT));
    }

    @Test
    void parse_badInput_hasPostgresSqlStates() {
        assertThatThrownBy(() -> SqlType.TIMETZ.parse("abc"))
                .isInstanceOfSatisfying(HeliosException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT);
                    assertThat(e.getMessage()).isEqualTo("invalid input syntax for type time with time zone: \"abc\"");
                });
        assertThatThrownBy(() -> SqlType.TIMETZ.parse("25:00+00"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATETIME_FIELD_OVERFLOW));
        assertThatThrownBy(() -> SqlType.TIMETZ.parse("10:00+16"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE));
    }

    @Test
    void timetz_isNamedAsInPostgres() {
        assertThat(SqlType.ofOid(1266)).isEqualTo(SqlType.TIMETZ);
        assertThat(SqlType.TIMETZ.sqlName()).isEqualTo("time with time zone");
        assertThat(SqlType.TIMETZ.arrayType()).isEqualTo(SqlType.TIMETZ_ARRAY);
        assertThat(SqlType.TIMETZ_ARRAY.oid()).isEqualTo(1270);
        assertThat(SqlType.TIMETZ_ARRAY.format(java.util.List.of(at(10, 0, 0, 3600), at(11, 0, 0, -7200))))
                .isEqualTo("{10:00:00+01,11:00:00-02}");
    }
}
