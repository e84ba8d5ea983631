package io.heliosdb.core.txn;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.IndexDef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Component boundaries of entry keys, as the index cache cuts them to invalidate equality prefixes. */
class IndexKeyShapeTest {
    private static final List<SqlType> TYPES = List.of(SqlType.TEXT, SqlType.NUMERIC, SqlType.INTEGER, SqlType.BYTEA,
            SqlType.DATE, SqlType.UUID);

    private static void assertBoundaries(List<Boolean> descending, Object... values) {
        StoredIndex index = new StoredIndex(42, 7, new IndexDef("i", "t", List.of(0, 1, 2, 3, 4, 5), descending, false));
        byte[] rowKey = {9, 8, 7, 0, 0};
        byte[] entry = IndexKeys.entryKey(index, TYPES, values, rowKey);
        int valueLength = entry.length - rowKey.length;
        int[] ends = IndexKeyShape.of(index, TYPES).componentEnds(entry, valueLength);
        assertThat(ends).isNotNull();
        for (int k = 1; k <= TYPES.size(); k++) {
            byte[] prefix = IndexKeys.valuePrefix(index, TYPES, Arrays.copyOf(values, k));
            assertThat(ends[k - 1]).as("component %d", k).isEqualTo(prefix.length);
            assertThat(Arrays.copyOf(entry, ends[k - 1])).isEqualTo(prefix);
        }
    }

    @Test
    void componentEnds_matchEveryValuePrefix_ascending() {
        List<Boolean> asc = List.of(false, false, false, false, false, false);
        assertBoundaries(asc, "a\u0000b", new BigDecimal("-12.5"), 3, new byte[] {0, 0, (byte) 0xFF, 0},
                LocalDate.of(2020, 1, 2), java.util.UUID.randomUUID());
        assertBoundaries(asc, "", BigDecimal.ZERO, -1, new byte[0], null, java.util.UUID.randomUUID());
        assertBoundaries(asc, null, new BigDecimal("123456.789"), null, null, LocalDate.of(1, 1, 1), null);
    }

    @Test
    void componentEnds_matchEveryValuePrefix_descending() {
        List<Boolean> mixed = List.of(true, true, false, true, true, false);
        assertBoundaries(mixed, "zz\u0000", new BigDecimal("-0.001"), 5, new byte[] {0}, LocalDate.of(2020, 1, 2),
                java.util.UUID.randomUUID());
        assertBoundaries(mixed, null, new BigDecimal("99"), null, new byte[] {1, 0, (byte) 0xFF}, null, null);
    }

    @Test
    void componentEnds_nullWhenTheKeyIsTooShort() {
        StoredIndex index = new StoredIndex(42, 7, new IndexDef("i", "t", List.of(0, 1), List.of(false, false), false));
        List<SqlType> types = List.of(SqlType.TEXT, SqlType.INTEGER);
        byte[] prefix = IndexKeys.valuePrefix(index, types, new Object[] {"abc"});
        assertThat(IndexKeyShape.of(index, types).componentEnds(prefix, prefix.length)).isNull();
    }
}
