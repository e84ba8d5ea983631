package io.heliosdb.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectiveRowDecoderTest {
    static final SqlType[] TYPES = {SqlType.BOOLEAN, SqlType.SMALLINT, SqlType.INTEGER, SqlType.BIGINT,
        SqlType.REAL, SqlType.DOUBLE, SqlType.NUMERIC, SqlType.TEXT, SqlType.VARCHAR, SqlType.DATE,
        SqlType.TIMESTAMP, SqlType.BYTEA, SqlType.INT4_ARRAY, SqlType.CHAR, SqlType.JSONB, SqlType.UUID};

    static Object value(SqlType type, SplittableRandom r) {
        return switch (type) {
            case BOOLEAN -> r.nextBoolean();
            case SMALLINT -> (short) r.nextInt(-30000, 30000);
            case INTEGER -> r.nextInt();
            case BIGINT -> r.nextLong();
            case REAL -> (float) r.nextDouble();
            case DOUBLE -> r.nextDouble();
            case NUMERIC -> new BigDecimal(r.nextLong()).movePointLeft(r.nextInt(0, 20));
            case TEXT, VARCHAR, CHAR -> "t".repeat(r.nextInt(0, 300)) + "é";
            case JSONB -> "{\"k\": " + r.nextInt() + "}";
            case DATE -> LocalDate.ofEpochDay(r.nextInt(-100000, 100000));
            case TIMESTAMP -> LocalDateTime.of(2020, 1, 2, 3, 4, 5, r.nextInt(0, 999_999) * 1000);
            case BYTEA -> new byte[r.nextInt(0, 40)];
            case INT4_ARRAY -> List.of(r.nextInt(), r.nextInt());
            case UUID -> new java.util.UUID(r.nextLong(), r.nextLong());
            default -> throw new AssertionError(type);
        };
    }

    @Test
    void decode_readsWantedColumnsAsTheFullDecodeDoesAndLeavesTheRestNull() {
        SplittableRandom r = new SplittableRandom(42);
        for (int round = 0; round < 2000; round++) {
            Object[] values = new Object[TYPES.length];
            for (int i = 0; i < TYPES.length; i++) {
                values[i] = r.nextInt(4) == 0 ? null : value(TYPES[i], r);
            }
            byte[] encoded = RowCodec.encode(List.of(TYPES), values);
            // A value found in place after a stored-version header, with other bytes after it.
            byte[] framed = new byte[encoded.length + 9 + 17];
            System.arraycopy(encoded, 0, framed, 9, encoded.length);
            Arrays.fill(framed, 9 + encoded.length, framed.length, (byte) 0x7f);
            boolean[] wanted = new boolean[TYPES.length];
            for (int i = 0; i < wanted.length; i++) {
                wanted[i] = r.nextInt(3) == 0;
            }
            Object[] full = RowCodec.decode(TYPES, encoded, 0);
            Object[] partial = new SelectiveRowDecoder(TYPES, wanted).decode(framed, 9);
            assertThat(partial).hasSize(TYPES.length);
            for (int i = 0; i < TYPES.length; i++) {
                assertThat(partial[i]).as("column %d (%s)", i, TYPES[i]).isEqualTo(wanted[i] ? full[i] : null);
            }
        }
    }

    @Test
    void decode_rowStoredWithFewerColumnsReadsTheMissingOnesAsNull() {
        byte[] old = RowCodec.encode(List.of(SqlType.INTEGER, SqlType.TEXT), new Object[] {5, "x"});
        SqlType[] now = {SqlType.INTEGER, SqlType.TEXT, SqlType.BIGINT};
        assertThat(new SelectiveRowDecoder(now, new boolean[] {false, true, true}).decode(old, 0))
                .containsExactly(null, "x", null);
        assertThat(new SelectiveRowDecoder(now, new boolean[0]).decode(old, 0)).containsExactly(null, null, null);
    }
}
