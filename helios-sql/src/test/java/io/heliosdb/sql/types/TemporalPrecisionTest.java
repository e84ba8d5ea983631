package io.heliosdb.sql.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.Interval;
import io.heliosdb.api.SqlType;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Rounding to a fractional-second precision as PostgreSQL's Adjust*ForTypmod functions round. */
class TemporalPrecisionTest {

    private static LocalDateTime ts(String text) {
        return LocalDateTime.parse(text);
    }

    @Test
    void timestamp_roundsHalfAwayFromPostgresEpoch() {
        int p0 = TemporalPrecision.typmod(SqlType.TIMESTAMP, 0);
        assertThat(TemporalPrecision.round(ts("2024-03-05T10:11:12.5"), SqlType.TIMESTAMP, p0))
                .isEqualTo(ts("2024-03-05T10:11:13"));
        // before 2000-01-01 PostgreSQL's value is negative, so a half rounds toward the past
        assertThat(TemporalPrecision.round(ts("1990-03-05T10:11:12.5"), SqlType.TIMESTAMP, p0))
                .isEqualTo(ts("1990-03-05T10:11:12"));
        assertThat(TemporalPrecision.round(ts("1990-03-05T10:11:12.500001"), SqlType.TIMESTAMP, p0))
                .isEqualTo(ts("1990-03-05T10:11:13"));
        assertThat(TemporalPrecision.round(ts("2024-03-05T23:59:59.999"), SqlType.TIMESTAMP,
                TemporalPrecision.typmod(SqlType.TIMESTAMP, 2))).isEqualTo(ts("2024-03-06T00:00"));
        assertThat(TemporalPrecision.round(ts("2024-03-05T10:11:12.345678"), SqlType.TIMESTAMP,
                TemporalPrecision.typmod(SqlType.TIMESTAMP, 3))).isEqualTo(ts("2024-03-05T10:11:12.346"));
    }

    @Test
    void timestamptz_roundsTheInstant() {
        OffsetDateTime t = OffsetDateTime.of(ts("2024-03-05T10:11:12.345678"), ZoneOffset.UTC);
        assertThat(TemporalPrecision.round(t, SqlType.TIMESTAMPTZ, 1))
                .isEqualTo(OffsetDateTime.of(ts("2024-03-05T10:11:12.3"), ZoneOffset.UTC));
    }

    @Test
    void time_andTimetz_roundHalfUp_upTo24() {
        assertThat(TemporalPrecision.round(LocalTime.parse("10:11:12.05"), SqlType.TIME, 1))
                .isEqualTo(LocalTime.parse("10:11:12.1"));
        assertThat(TemporalPrecision.round(LocalTime.parse("23:59:59.9"), SqlType.TIME, 0))
                .isEqualTo(io.heliosdb.api.TimeOfDay.END_OF_DAY);
        assertThat(TemporalPrecision.round(io.heliosdb.api.TimeOfDay.END_OF_DAY, SqlType.TIME, 2))
                .isEqualTo(io.heliosdb.api.TimeOfDay.END_OF_DAY);
        assertThat(TemporalPrecision.round(OffsetTime.parse("10:11:12.5+01:00"), SqlType.TIMETZ, 0))
                .isEqualTo(OffsetTime.parse("10:11:13+01:00"));
    }

    @Test
    void interval_roundsItsTimePartAwayFromZero() {
        int p0 = TemporalPrecision.typmod(SqlType.INTERVAL, 0);
        assertThat(p0).isEqualTo(0x7FFF0000);
        assertThat(TemporalPrecision.round(new Interval(1, 2, -1_500_000), SqlType.INTERVAL, p0))
                .isEqualTo(new Interval(1, 2, -2_000_000));
        assertThat(TemporalPrecision.round(new Interval(0, 0, 1_250_000), SqlType.INTERVAL,
                TemporalPrecision.typmod(SqlType.INTERVAL, 1))).isEqualTo(new Interval(0, 0, 1_300_000));
    }

    @Test
    void precision_aboveSixIsSix_andNoTypmodLeavesValues() {
        assertThat(TemporalPrecision.typmod(SqlType.TIME, 9)).isEqualTo(6);
        assertThat(TemporalPrecision.precision(SqlType.TIME, -1)).isEqualTo(-1);
        assertThat(TemporalPrecision.precision(SqlType.VARCHAR, 3)).isEqualTo(-1);
        LocalTime t = LocalTime.parse("10:11:12.345678");
        assertThat(TemporalPrecision.round(t, SqlType.TIME, -1)).isSameAs(t);
        assertThat(TemporalPrecision.round(null, SqlType.TIME, 2)).isNull();
    }

    @Test
    void interval_qualifier_dropsFieldsBelowItsLastTowardZero() {
        int dayToMinute = io.heliosdb.api.IntervalTypmod.of(io.heliosdb.api.IntervalTypmod.DAY
                | io.heliosdb.api.IntervalTypmod.HOUR | io.heliosdb.api.IntervalTypmod.MINUTE, -1);
        assertThat(TemporalPrecision.round(new Interval(14, 3, 7_384_500_000L), SqlType.INTERVAL, dayToMinute))
                .isEqualTo(new Interval(14, 3, 7_380_000_000L));
        int year = io.heliosdb.api.IntervalTypmod.of(io.heliosdb.api.IntervalTypmod.YEAR, -1);
        assertThat(TemporalPrecision.round(new Interval(27, 3, 5), SqlType.INTERVAL, year)).isEqualTo(new Interval(24, 0, 0));
        int hour = io.heliosdb.api.IntervalTypmod.of(io.heliosdb.api.IntervalTypmod.HOUR, -1);
        assertThat(TemporalPrecision.round(new Interval(0, -1, -14_706_700_000L), SqlType.INTERVAL, hour))
                .isEqualTo(new Interval(0, -1, -14_400_000_000L));
        int second1 = io.heliosdb.api.IntervalTypmod.of(io.heliosdb.api.IntervalTypmod.SECOND, 1);
        assertThat(TemporalPrecision.round(new Interval(0, 0, 1_250_000), SqlType.INTERVAL, second1))
                .isEqualTo(new Interval(0, 0, 1_300_000));
        assertThat(TemporalPrecision.adjusts(SqlType.INTERVAL, hour)).isTrue();
        assertThat(TemporalPrecision.adjusts(SqlType.INTERVAL, -1)).isFalse();
    }
}
