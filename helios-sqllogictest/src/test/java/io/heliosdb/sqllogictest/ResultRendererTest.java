package io.heliosdb.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultRendererTest {

    @Test
    void render_followsTheReferenceToolsRules() {
        assertThat(ResultRenderer.render('I', null, null)).isEqualTo("NULL");
        assertThat(ResultRenderer.render('I', -42, "-42")).isEqualTo("-42");
        assertThat(ResultRenderer.render('I', new BigDecimal("-7.9"), "-7.9")).isEqualTo("-7");
        assertThat(ResultRenderer.render('I', true, "t")).isEqualTo("1");
        assertThat(ResultRenderer.render('I', "12abc", "12abc")).isEqualTo("12");
        assertThat(ResultRenderer.render('R', 1.5, "1.5")).isEqualTo("1.500");
        assertThat(ResultRenderer.render('R', 3, "3")).isEqualTo("3.000");
        assertThat(ResultRenderer.render('R', new BigDecimal("-0.25"), "-0.25")).isEqualTo("-0.250");
        assertThat(ResultRenderer.render('T', "", "")).isEqualTo("(empty)");
        assertThat(ResultRenderer.render('T', "a\tb\u00e9", "a\tb\u00e9")).isEqualTo("a@b@@");
    }

    @Test
    void sort_rowsortComparesRenderedStringsBytewise() {
        List<String> sorted = ResultRenderer.sort(List.of("14", "96", "47", "68", "5", "59"), 2,
                SltRecord.SortMode.ROWSORT);
        assertThat(sorted).containsExactly("14", "96", "47", "68", "5", "59");
        assertThat(ResultRenderer.sort(List.of("9", "10", "NULL", "-5", "(empty)"), 1, SltRecord.SortMode.VALUESORT))
                .containsExactly("(empty)", "-5", "10", "9", "NULL");
    }

    @Test
    void block_hashesAboveThreshold() {
        List<String> values = List.of("112", "130", "139", "160", "181", "211", "223", "232", "249");
        assertThat(ResultRenderer.block(values, 8)).containsExactly("9 values hashing to af18a98364ca4a37adc4ca16602c22da");
        assertThat(ResultRenderer.block(values, 9)).isEqualTo(values);
        assertThat(ResultRenderer.block(values, 0)).isEqualTo(values);
    }
}
