package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SteadyHitRateTest {

    @Test
    void climbingRate_isNotSteady_untilAWindowNoLongerGainsHalfAPoint() {
        SteadyHitRate s = new SteadyHitRate(1_000);
        assertThat(s.offer(0, 0, 0)).isFalse();
        assertThat(s.offer(1_000, 500, 500)).isFalse(); // 50%: the first window has nothing to compare with
        assertThat(s.offer(2_000, 1_300, 700)).isFalse(); // 80%
        assertThat(s.offer(3_000, 2_150, 850)).isFalse(); // 85%
        assertThat(s.offer(4_000, 3_004, 996)).isTrue(); // 85.4%: within half a point
        assertThat(s.lastRate()).isCloseTo(0.854, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.offer(5_000, 3_004, 1_996)).as("once steady, always").isTrue();
    }

    @Test
    void readingsInsideAWindow_doNotCloseIt() {
        SteadyHitRate s = new SteadyHitRate(1_000);
        s.offer(0, 0, 0);
        s.offer(1_000, 800, 200);
        assertThat(s.due(1_999)).isFalse(); // the next window runs from 1,000 to 2,000
        assertThat(s.due(2_000)).isTrue();
        assertThat(s.offer(1_500, 1_200, 300)).isFalse();
        assertThat(s.offer(2_000, 1_600, 400)).isTrue(); // 80% over 1,000..2,000
    }

    @Test
    void aFallingRate_isSteady_andAWindowWithoutLookups_too() {
        SteadyHitRate falling = new SteadyHitRate(10);
        falling.offer(0, 0, 0);
        falling.offer(10, 9, 1);
        assertThat(falling.offer(20, 16, 4)).isTrue();
        SteadyHitRate unused = new SteadyHitRate(10);
        unused.offer(0, 5, 5);
        assertThat(unused.offer(10, 5, 5)).isTrue();
    }

    @Test
    void levelPairs_needThatManyLevelWindowsInARow() {
        SteadyHitRate s = new SteadyHitRate(1_000, 0.0025, 2);
        s.offer(0, 0, 0);
        assertThat(s.offer(1_000, 700, 300)).isFalse(); // 70%
        assertThat(s.offer(2_000, 1_402, 598)).isFalse(); // 70.2%: level once
        assertThat(s.offer(3_000, 2_112, 888)).isFalse(); // 71.0%: climbed 0.8 point, starts again
        assertThat(s.offer(4_000, 2_823, 1_177)).isFalse(); // 71.1%: level once
        assertThat(s.offer(5_000, 3_534, 1_466)).isTrue(); // 71.1%: level twice in a row
    }

    @Test
    void zipfRule_aTenthOfTheRowsWithinHalfAPoint_atLeastTheLeastWindow() {
        SteadyHitRate full = ZipfWarmup.hitRate(1_000_000);
        assertThat(full.windowOps()).isEqualTo(100_000);
        assertThat(full.levelPairs()).isEqualTo(1);
        assertThat(full.tolerance()).isEqualTo(SteadyHitRate.TOLERANCE);
        assertThat(ZipfWarmup.hitRate(20_000).windowOps()).isEqualTo(ZipfWarmup.MIN_WINDOW_OPS);
    }
}
