package io.heliosdb.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableDefCodecTest {

    @Test
    void roundTrip_keepsEveryField() {
        TableDef t = new TableDef(77, "orders", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("region", SqlType.VARCHAR, Column.varcharTypmod(20), true, "'eu'"),
                new ColumnDef("amount", SqlType.NUMERIC, Column.numericTypmod(10, 2), false, "0"),
                new ColumnDef("at", SqlType.TIMESTAMP, -1, false, null)), List.of(1, 0));
        assertThat(TableDefCodec.decode(TableDefCodec.encode(t))).isEqualTo(t);
    }

    @Test
    void rowKeys_ofDifferentTablesDoNotInterleave() {
        byte[] end1 = CatalogKeys.rowPrefixEnd(1);
        byte[] lastOf1 = CatalogKeys.rowKey(1, new byte[] {(byte) 0xFF, (byte) 0xFF});
        assertThat(java.util.Arrays.compareUnsigned(lastOf1, end1)).isNegative();
        assertThat(CatalogKeys.rowPrefix(2)).isEqualTo(end1);
    }
}
