package io.heliosdb.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayShapeTest {

    @Test
    void parse_nestedBraces_givesSubLists() {
        Object v = SqlType.INT4_ARRAY.parse("{{1,2},{3,NULL}}");
        assertThat(v).isEqualTo(List.of(List.of(1, 2), java.util.Arrays.asList(3, null)));
        assertThat(ArrayShape.dimensions((List<?>) v)).containsExactly(2, 2);
        assertThat(SqlType.INT4_ARRAY.format(v)).isEqualTo("{{1,2},{3,NULL}}");
    }

    @Test
    void parse_raggedSubArrays_isMalformed() {
        assertThatThrownBy(() -> SqlType.INT4_ARRAY.parse("{{1,2},{3}}"))
                .isInstanceOfSatisfying(HeliosException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION));
        assertThatThrownBy(() -> SqlType.INT4_ARRAY.parse("{{1,2},3}")).isInstanceOf(HeliosException.class);
    }

    @Test
    void flatten_readsRowMajor() {
        assertThat(ArrayShape.flatten(List.of(List.of(1, 2), List.of(3, 4)))).containsExactly(1, 2, 3, 4);
        assertThat(ArrayShape.dimensions(List.of())).isEmpty();
    }

    @Test
    void intervalParse_acceptsIso8601() {
        assertThat(Interval.parse("P1Y2M3DT4H5M6S")).isEqualTo(new Interval(14, 3, 14_706_000_000L));
        assertThat(Interval.parse("PT1.5S")).isEqualTo(new Interval(0, 0, 1_500_000));
        assertThat(Interval.parse("P2W")).isEqualTo(new Interval(0, 14, 0));
        assertThat(Interval.parse("P0001-02-03T04:05:06")).isEqualTo(new Interval(14, 3, 14_706_000_000L));
        assertThatThrownBy(() -> Interval.parse("P1H")).isInstanceOf(HeliosException.class);
    }

    @Test
    void zoneNamed_readsPosixOffsetsAsWest() {
        assertThat(TemporalText.zoneNamed("UTC+5")).isEqualTo(java.time.ZoneOffset.ofHours(-5));
        assertThat(TemporalText.zoneNamed("GMT-3")).isEqualTo(java.time.ZoneOffset.ofHours(3));
    }
}
