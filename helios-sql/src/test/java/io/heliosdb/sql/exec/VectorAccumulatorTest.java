package io.heliosdb.sql.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ColumnBatchCursor;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.AggregateKind;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.Const;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VectorAccumulatorTest {

    /** One batch of one long column. */
    private record Batch(long[] values, boolean[] nulls) implements ColumnBatchCursor {
        @Override
        public boolean nextBatch() {
            return false;
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public long[] longs(int column) {
            return values;
        }

        @Override
        public Object[] values(int column) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean[] nulls(int column) {
            return nulls;
        }

        @Override
        public void close() {
        }
    }

    private static AggregateCall call(AggregateKind kind, SqlType argType, SqlType resultType) {
        return new AggregateCall(kind, new ColumnSlot(0, argType, -1, "v"), false, resultType);
    }

    private static VectorAccumulator fed(AggregateCall call, Batch... batches) {
        VectorAccumulator acc = VectorAccumulator.create(call);
        acc.ensureGroups(1);
        for (Batch b : batches) {
            acc.add(b, b.size(), null);
        }
        return acc;
    }

    @Test
    void sumOfBigint_pastTheLongRangeBothWays_isExact() {
        long[] max = new long[1000];
        java.util.Arrays.fill(max, Long.MAX_VALUE);
        long[] min = new long[1000];
        java.util.Arrays.fill(min, Long.MIN_VALUE);
        AggregateCall sum = call(AggregateKind.SUM, SqlType.BIGINT, SqlType.NUMERIC);
        assertThat(fed(sum, new Batch(max, null), new Batch(max, null)).result(0))
                .isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2000)));
        assertThat(fed(sum, new Batch(min, null), new Batch(new long[] {-1}, null)).result(0))
                .isEqualTo(BigDecimal.valueOf(Long.MIN_VALUE).multiply(BigDecimal.valueOf(1000)).subtract(BigDecimal.ONE));
        // Out of range and back: the long total alone would be wrong by a multiple of 2^64.
        assertThat(fed(sum, new Batch(max, null), new Batch(min, null), new Batch(new long[] {5}, null)).result(0))
                .isEqualTo(new BigDecimal("-995"));
        AggregateCall avg = call(AggregateKind.AVG, SqlType.BIGINT, SqlType.NUMERIC);
        assertThat((BigDecimal) fed(avg, new Batch(max, null), new Batch(new long[] {Long.MAX_VALUE - 2000}, null)).result(0))
                .isEqualByComparingTo("9223372036854775805");
    }

    @Test
    void sumOfInteger_pastTheBigintRange_failsWith22003() {
        // Integer columns cannot hold these values; the accumulator sees only longs, so the bound is the same.
        long[] big = {Long.MAX_VALUE, 1};
        AggregateCall sum = call(AggregateKind.SUM, SqlType.INTEGER, SqlType.BIGINT);
        assertThatThrownBy(() -> fed(sum, new Batch(big, null)))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
        VectorAccumulator grouped = VectorAccumulator.create(sum);
        grouped.ensureGroups(2);
        assertThatThrownBy(() -> grouped.add(new Batch(new long[] {Long.MIN_VALUE, 3, -1}, null), 3, new int[] {1, 0, 1}))
                .isInstanceOf(HeliosException.class);
    }

    @Test
    void nulls_areSkipped_andNoInputIsNull() {
        Batch b = new Batch(new long[] {7, 0, -3, 0}, new boolean[] {false, true, false, true});
        assertThat(fed(call(AggregateKind.SUM, SqlType.INTEGER, SqlType.BIGINT), b).result(0)).isEqualTo(4L);
        assertThat(fed(call(AggregateKind.COUNT, SqlType.INTEGER, SqlType.BIGINT), b).result(0)).isEqualTo(2L);
        assertThat(fed(new AggregateCall(AggregateKind.COUNT_STAR, null, false, SqlType.BIGINT), b).result(0)).isEqualTo(4L);
        assertThat(fed(call(AggregateKind.MIN, SqlType.SMALLINT, SqlType.SMALLINT), b).result(0)).isEqualTo((short) -3);
        assertThat(fed(call(AggregateKind.MAX, SqlType.INTEGER, SqlType.INTEGER), b).result(0)).isEqualTo(7);
        Batch allNull = new Batch(new long[] {0, 0}, new boolean[] {true, true});
        assertThat(fed(call(AggregateKind.SUM, SqlType.BIGINT, SqlType.NUMERIC), allNull).result(0)).isNull();
        assertThat(fed(call(AggregateKind.AVG, SqlType.BIGINT, SqlType.NUMERIC), allNull).result(0)).isNull();
        assertThat(fed(call(AggregateKind.MIN, SqlType.BIGINT, SqlType.BIGINT), allNull).result(0)).isNull();
        assertThat(fed(call(AggregateKind.COUNT, SqlType.BIGINT, SqlType.BIGINT), allNull).result(0)).isEqualTo(0L);
    }

    @Test
    void groups_keepTheirOwnState() {
        VectorAccumulator max = VectorAccumulator.create(call(AggregateKind.MAX, SqlType.BIGINT, SqlType.BIGINT));
        VectorAccumulator avg = VectorAccumulator.create(call(AggregateKind.AVG, SqlType.INTEGER, SqlType.NUMERIC));
        Batch b = new Batch(new long[] {1, 10, 2, -20, 3}, new boolean[] {false, false, false, false, true});
        int[] groups = {0, 1, 0, 1, 2};
        for (VectorAccumulator acc : new VectorAccumulator[] {max, avg}) {
            acc.ensureGroups(3);
            acc.add(b, 5, groups);
        }
        assertThat(max.result(0)).isEqualTo(2L);
        assertThat(max.result(1)).isEqualTo(10L);
        assertThat(max.result(2)).isNull();
        assertThat(avg.result(0)).isEqualTo(new BigDecimal("1.5000000000000000"));
        assertThat(avg.result(1)).isEqualTo(new BigDecimal("-5.0000000000000000"));
    }

    @Test
    void supports_onlyPlainCallsOverMatchingColumns() {
        SqlType[] columns = {SqlType.INTEGER, SqlType.TEXT};
        assertThat(VectorAccumulator.supports(call(AggregateKind.SUM, SqlType.INTEGER, SqlType.BIGINT), columns)).isTrue();
        assertThat(VectorAccumulator.supports(new AggregateCall(AggregateKind.COUNT, new ColumnSlot(1, SqlType.TEXT, -1, "t"),
                false, SqlType.BIGINT), columns)).isTrue();
        assertThat(VectorAccumulator.supports(new AggregateCall(AggregateKind.MIN, new ColumnSlot(1, SqlType.TEXT, -1, "t"),
                false, SqlType.TEXT), columns)).isFalse();
        assertThat(VectorAccumulator.supports(new AggregateCall(AggregateKind.SUM, new ColumnSlot(0, SqlType.INTEGER, -1, "v"),
                true, SqlType.BIGINT), columns)).isFalse();
        assertThat(VectorAccumulator.supports(new AggregateCall(AggregateKind.SUM, new Const(1, SqlType.INTEGER),
                false, SqlType.BIGINT), columns)).isFalse();
        // A slot whose type is not the stored column's (never planned so, but the batch would misread it).
        assertThat(VectorAccumulator.supports(call(AggregateKind.SUM, SqlType.BIGINT, SqlType.NUMERIC), columns)).isFalse();
    }
}
