package io.heliosdb.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.SqlType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayValuesTest {

    @Test
    void multiDimensionalArray_roundTrips() {
        List<SqlType> types = List.of(SqlType.INT4_ARRAY, SqlType.TEXT_ARRAY);
        Object[] row = {List.of(List.of(1, 2), List.of(3, 4)),
                List.of(List.of(Arrays.asList("a", null)), List.of(List.of("b", "c")))};
        assertThat(RowCodec.decode(types, RowCodec.encode(types, row))).containsExactly(row);
    }
}
