package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Interval input under a qualifier's fields and the qualifier's typmod, as PostgreSQL 15 reads and shows them. */
class IntervalQualifierTest {
    private static final int DAY_TO_MINUTE = IntervalTypmod.DAY | IntervalTypmod.HOUR | IntervalTypmod.MINUTE;
    private static final int MINUTE_TO_SECOND = IntervalTypmod.MINUTE | IntervalTypmod.SECOND;

    @Test
    void parse_bareNumber_isInTheQualifiersLastField() {
        assertThat(Interval.parse("1", IntervalTypmod.DAY)).isEqualTo(new Interval(0, 1, 0));
        assertThat(Interval.parse("1", IntervalTypmod.YEAR)).isEqualTo(new Interval(12, 0, 0));
        assertThat(Interval.parse("90", IntervalTypmod.HOUR | IntervalTypmod.MINUTE)).isEqualTo(new Interval(0, 0, 5_400_000_000L));
        assertThat(Interval.parse("1.5")).isEqualTo(new Interval(0, 0, 1_500_000));
    }

    @Test
    void parse_numberBeforeTimeOrHour_isDays() {
        assertThat(Interval.parse("1 2:03")).isEqualTo(new Interval(0, 1, 7_380_000_000L));
        assertThat(Interval.parse("-1 2:03:04", DAY_TO_MINUTE)).isEqualTo(new Interval(0, -1, 7_384_000_000L));
        assertThat(Interval.parse("1 2", IntervalTypmod.DAY | IntervalTypmod.HOUR)).isEqualTo(new Interval(0, 1, 7_200_000_000L));
    }

    @Test
    void parse_yearMonthAndMinuteSecondForms() {
        assertThat(Interval.parse("1-2")).isEqualTo(new Interval(14, 0, 0));
        assertThat(Interval.parse("-1-2")).isEqualTo(new Interval(-14, 0, 0));
        assertThat(Interval.parse("2:03", MINUTE_TO_SECOND)).isEqualTo(new Interval(0, 0, 123_000_000));
        assertThat(Interval.parse("2:03")).isEqualTo(new Interval(0, 0, 7_380_000_000L));
        assertThat(Interval.parse("2:03.25")).isEqualTo(new Interval(0, 0, 123_250_000));
        assertThat(Interval.parse("3 days ago")).isEqualTo(new Interval(0, -3, 0));
    }

    @Test
    void display_namesFieldsAndPrecision() {
        assertThat(IntervalTypmod.display(IntervalTypmod.of(DAY_TO_MINUTE, -1))).isEqualTo("interval day to minute");
        assertThat(IntervalTypmod.display(IntervalTypmod.of(IntervalTypmod.SECOND, 3))).isEqualTo("interval second(3)");
        assertThat(IntervalTypmod.display(IntervalTypmod.of(IntervalTypmod.FULL_RANGE, 2))).isEqualTo("interval(2)");
        assertThat(new Column("i", SqlType.INTERVAL, IntervalTypmod.of(IntervalTypmod.YEAR | IntervalTypmod.MONTH, -1))
                .typeDisplay()).isEqualTo("interval year to month");
        assertThat(IntervalTypmod.of(IntervalTypmod.FULL_RANGE, -1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void timeOfDay_endOfDay_roundTripsAsMicros() {
        assertThat(TimeOfDay.micros(TimeOfDay.ofMicros(TimeOfDay.MICROS_PER_DAY))).isEqualTo(TimeOfDay.MICROS_PER_DAY);
        assertThat(SqlType.TIME.format(SqlType.TIME.parse("24:00"))).isEqualTo("24:00:00");
        assertThat(SqlType.TIME.format(SqlType.TIME.parse("23:59:59.9999999"))).isEqualTo("24:00:00");
        assertThat(SqlType.TIME.format(SqlType.TIME.parse("23:59:59.999999"))).isEqualTo("23:59:59.999999");
        assertThat(((java.time.LocalTime) SqlType.TIME.parse("24:00")).compareTo(
                (java.time.LocalTime) SqlType.TIME.parse("23:59:59.999999"))).isPositive();
    }
}
