package io.heliosdb.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ColumnBatchDecoderTest {
    private static final SqlType[] TYPES = SelectiveRowDecoderTest.TYPES;

    private static boolean integer(SqlType t) {
        return t == SqlType.SMALLINT || t == SqlType.INTEGER || t == SqlType.BIGINT;
    }

    @Test
    void decode_fillsTheWantedColumnsAsTheFullDecodeReadsThem() {
        SplittableRandom r = new SplittableRandom(7);
        for (int round = 0; round < 40; round++) {
            boolean[] wanted = new boolean[TYPES.length];
            for (int i = 0; i < wanted.length; i++) {
                wanted[i] = r.nextInt(3) == 0;
            }
            int rows = r.nextInt(1, 60);
            ColumnBatchDecoder decoder = new ColumnBatchDecoder(TYPES, wanted, 64);
            decoder.startBatch();
            Object[][] expected = new Object[rows][];
            for (int row = 0; row < rows; row++) {
                Object[] values = new Object[TYPES.length];
                for (int i = 0; i < TYPES.length; i++) {
                    // Some batches have no NULL in a column at all, others many.
                    values[i] = r.nextInt(round % 3 == 0 ? 1000 : 4) == 0 ? null : SelectiveRowDecoderTest.value(TYPES[i], r);
                }
                byte[] encoded = RowCodec.encode(List.of(TYPES), values);
                byte[] framed = new byte[encoded.length + 9 + 11];
                System.arraycopy(encoded, 0, framed, 9, encoded.length);
                Arrays.fill(framed, 9 + encoded.length, framed.length, (byte) 0x81);
                decoder.decode(framed, 9, row);
                expected[row] = RowCodec.decode(TYPES, encoded, 0);
            }
            for (int i = 0; i < TYPES.length; i++) {
                if (!wanted[i]) {
                    continue;
                }
                boolean[] nulls = decoder.nulls(i);
                for (int row = 0; row < rows; row++) {
                    Object want = expected[row][i];
                    boolean isNull = nulls != null && nulls[row];
                    assertThat(isNull).as("null mark of column %d row %d", i, row).isEqualTo(want == null);
                    if (want == null) {
                        continue;
                    }
                    Object got = integer(TYPES[i]) ? (Object) decoder.longs(i)[row] : decoder.values(i)[row];
                    Object wantAs = integer(TYPES[i]) ? (Object) ((Number) want).longValue() : want;
                    if (want instanceof byte[] bytes) {
                        assertThat((byte[]) got).isEqualTo(bytes);
                    } else {
                        assertThat(got).as("column %d (%s) row %d", i, TYPES[i], row).isEqualTo(wantAs);
                    }
                }
            }
        }
    }

    @Test
    void decode_nullMarksStartOverWithEachBatch() {
        SqlType[] types = {SqlType.INTEGER, SqlType.BIGINT};
        ColumnBatchDecoder decoder = new ColumnBatchDecoder(types, new boolean[] {false, true}, 4);
        decoder.startBatch();
        decoder.decode(RowCodec.encode(List.of(types), new Object[] {1, 5L}), 0, 0);
        decoder.decode(RowCodec.encode(List.of(types), new Object[] {2, null}), 0, 1);
        assertThat(decoder.nulls(1)).startsWith(false, true);
        assertThat(decoder.longs(1)[0]).isEqualTo(5);
        decoder.startBatch();
        decoder.decode(RowCodec.encode(List.of(types), new Object[] {3, -9L}), 0, 0);
        assertThat(decoder.nulls(1)).isNull();
        assertThat(decoder.longs(1)[0]).isEqualTo(-9);
    }

    @Test
    void decode_rowStoredWithFewerColumnsReadsTheMissingOnesAsNull() {
        byte[] old = RowCodec.encode(List.of(SqlType.INTEGER, SqlType.TEXT), new Object[] {5, "x"});
        SqlType[] now = {SqlType.INTEGER, SqlType.TEXT, SqlType.BIGINT};
        ColumnBatchDecoder decoder = new ColumnBatchDecoder(now, new boolean[] {true, true, true}, 2);
        decoder.startBatch();
        decoder.decode(old, 0, 0);
        assertThat(decoder.longs(0)[0]).isEqualTo(5);
        assertThat(decoder.values(1)[0]).isEqualTo("x");
        assertThat(decoder.nulls(2)).startsWith(true);
    }

    @Test
    void decode_truncatedRow_isCorruptedData() {
        SqlType[] types = {SqlType.TEXT, SqlType.BIGINT};
        byte[] row = RowCodec.encode(List.of(types), new Object[] {"abc", Long.MIN_VALUE});
        ColumnBatchDecoder decoder = new ColumnBatchDecoder(types, new boolean[] {false, true}, 1);
        decoder.startBatch();
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(row, row.length - 3), 0, 0))
                .isInstanceOfSatisfying(HeliosException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
    }
}
