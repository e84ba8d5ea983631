package io.heliosdb.wire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgArrayBinaryTest {

    @Test
    void encode_twoDimensions_writesBothDimensionsAndRowMajorElements() {
        ByteBuffer buf = ByteBuffer.wrap(PgArrayBinary.encode(SqlType.INT4_ARRAY, List.of(List.of(1, 2, 3), List.of(4, 5, 6))));
        assertThat(buf.getInt()).isEqualTo(2); // dimensions
        assertThat(buf.getInt()).isZero(); // no NULLs
        assertThat(buf.getInt()).isEqualTo(SqlType.INTEGER.oid());
        assertThat(new int[] {buf.getInt(), buf.getInt(), buf.getInt(), buf.getInt()}).containsExactly(2, 1, 3, 1);
        int[] elements = new int[6];
        for (int i = 0; i < 6; i++) {
            assertThat(buf.getInt()).isEqualTo(4);
            elements[i] = buf.getInt();
        }
        assertThat(elements).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(buf.hasRemaining()).isFalse();
    }
}
