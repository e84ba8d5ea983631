package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Interval input naming one field twice is refused with 22007, as PostgreSQL 15's DecodeInterval does. */
class IntervalDuplicateFieldsTest {

    @Test
    void sameFieldTwice_isInvalidDatetimeFormat() {
        for (String text : new String[] {"1 2", "1 day 2 days", "1 hour 02:00", "1 2:03 4", "1 mon 1-2", "1-2 3-4",
                "3 secs 1 second", "1.5 second 1 ms", "1 minute 1:02.5", "@ 1 day 2 day ago"}) {
            assertThatThrownBy(() -> Interval.parse(text), text).isInstanceOfSatisfying(HeliosException.class,
                    e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_DATETIME_FORMAT));
        }
        assertThatThrownBy(() -> Interval.parse("1 day 2", IntervalTypmod.DAY)).isInstanceOf(HeliosException.class);
    }

    @Test
    void distinctFields_areSummed() {
        assertThat(Interval.parse("1 year 1-2")).isEqualTo(new Interval(26, 0, 0));
        assertThat(Interval.parse("1 week 2 days")).isEqualTo(new Interval(0, 9, 0));
        assertThat(Interval.parse("1 second 2 ms 3 us")).isEqualTo(new Interval(0, 0, 1_002_003));
        assertThat(Interval.parse("1 day 1")).isEqualTo(new Interval(0, 1, 1_000_000));
        assertThat(Interval.parse("1 2", IntervalTypmod.HOUR)).isEqualTo(new Interval(0, 1, 7_200_000_000L));
        assertThat(Interval.parse("1 day -02:00")).isEqualTo(new Interval(0, 1, -7_200_000_000L));
        assertThat(Interval.parse("P1Y1Y")).isEqualTo(new Interval(24, 0, 0));
    }
}
