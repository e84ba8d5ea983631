package io.heliosdb.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class IntegerSumTest {

    @Test
    void add_withinLongRange_staysLong() {
        IntegerSum sum = new IntegerSum();
        sum.add(40);
        sum.add(-2);
        assertThat(sum.overflowed()).isFalse();
        assertThat(sum.longValue()).isEqualTo(38);
        assertThat(sum.decimalValue()).isEqualTo(new BigDecimal("38"));
    }

    @Test
    void add_crossingLongMax_fallsBackToExactDecimal() {
        IntegerSum sum = new IntegerSum();
        sum.add(Long.MAX_VALUE);
        sum.add(Long.MAX_VALUE);
        sum.add(3);
        assertThat(sum.overflowed()).isTrue();
        assertThat(sum.decimalValue()).isEqualTo(new BigDecimal("18446744073709551617"));
        sum.add(Long.MIN_VALUE);
        sum.add(Long.MIN_VALUE);
        assertThat(sum.decimalValue()).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void add_crossingLongMin_fallsBackToExactDecimal() {
        IntegerSum sum = new IntegerSum();
        sum.add(Long.MIN_VALUE);
        sum.add(-1);
        assertThat(sum.decimalValue()).isEqualTo(new BigDecimal("-9223372036854775809"));
    }
}
