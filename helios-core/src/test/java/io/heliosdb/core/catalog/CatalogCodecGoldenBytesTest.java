package io.heliosdb.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.RoleDef;
import io.heliosdb.sql.schema.SchemaDef;
import io.heliosdb.sql.schema.SequenceDef;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the stored bytes of every catalog definition (captured from the codecs as they were before
 * their framing was shared), so catalogs written by earlier builds still open; each also round-trips.
 */
class CatalogCodecGoldenBytesTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void tableDef_bytesAreUnchanged() {
        TableDef t = new TableDef(77, "orders", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, true, null),
                new ColumnDef("région", SqlType.VARCHAR, Column.varcharTypmod(20), true, "'eu'"),
                new ColumnDef("amount", SqlType.NUMERIC, Column.numericTypmod(10, 2), false, "0")), List.of(0),
                List.of(new ConstraintDef.PrimaryKey("orders_pkey"),
                        new ConstraintDef.Unique("orders_region_key", List.of(1, 2)),
                        new ConstraintDef.Check("orders_amount_check", "amount > 0"),
                        new ConstraintDef.ForeignKey("orders_fk", List.of(0), "parents", List.of(3),
                                ConstraintDef.Action.CASCADE, ConstraintDef.Action.SET_NULL)));
        byte[] bytes = TableDefCodec.encode(t);
        assertThat(HEX.formatHex(bytes)).isEqualTo(TABLE);
        assertThat(TableDefCodec.decode(bytes)).isEqualTo(t);
    }

    @Test
    void indexDef_bytesAreUnchanged() {
        StoredIndex index = new StoredIndex(300, 77, new IndexDef("orders_at", "orders", List.of(2, 0),
                List.of(true, false), true));
        byte[] bytes = IndexDefCodec.encode(index);
        assertThat(HEX.formatHex(bytes)).isEqualTo(INDEX);
        assertThat(IndexDefCodec.decode(bytes)).isEqualTo(index);
    }

    @Test
    void sequenceDef_bytesAreUnchanged() {
        SequenceDef owned = new SequenceDef(5, "orders_id_seq", SqlType.BIGINT, 1, -2, Long.MIN_VALUE, 1000, 1,
                true, "orders", "id");
        SequenceDef free = new SequenceDef(6, "free", SqlType.INTEGER, 10, 1, 1, Integer.MAX_VALUE, 20, false,
                null, null);
        assertThat(HEX.formatHex(SequenceDefCodec.encode(owned))).isEqualTo(SEQUENCE_OWNED);
        assertThat(HEX.formatHex(SequenceDefCodec.encode(free))).isEqualTo(SEQUENCE_FREE);
        assertThat(SequenceDefCodec.decode(SequenceDefCodec.encode(owned))).isEqualTo(owned);
        assertThat(SequenceDefCodec.decode(SequenceDefCodec.encode(free))).isEqualTo(free);
    }

    @Test
    void roleDef_bytesAreUnchanged() {
        RoleDef full = new RoleDef(11, "alice", false, true, false, true, "SCRAM-SHA-256$4096:abc", 5,
                OffsetDateTime.parse("2030-01-02T03:04:05Z"), List.of("staff", "ops"));
        RoleDef bare = new RoleDef(12, "bob", true, false, true, false, null);
        assertThat(HEX.formatHex(RoleDefCodec.encode(full))).isEqualTo(ROLE_FULL);
        assertThat(HEX.formatHex(RoleDefCodec.encode(bare))).isEqualTo(ROLE_BARE);
        assertThat(RoleDefCodec.decode(RoleDefCodec.encode(full))).isEqualTo(full);
        assertThat(RoleDefCodec.decode(RoleDefCodec.encode(bare))).isEqualTo(bare);
    }

    @Test
    void objectDefs_bytesAreUnchanged() {
        ViewDef view = new ViewDef(40, "big_orders", List.of(
                new ColumnDef("id", SqlType.BIGINT, -1, false, null),
                new ColumnDef("amount", SqlType.NUMERIC, Column.numericTypmod(10, 2), false, null)),
                "SELECT id, amount FROM orders WHERE amount > 100", List.of("orders", "public.other"));
        SchemaDef schema = new SchemaDef(41, "sales", "alice");
        assertThat(HEX.formatHex(ObjectDefCodec.encode(view))).isEqualTo(VIEW);
        assertThat(HEX.formatHex(ObjectDefCodec.encode(schema))).isEqualTo(SCHEMA);
        assertThat(HEX.formatHex(ObjectDefCodec.encode("a comment ✓"))).isEqualTo(COMMENT);
        assertThat(ObjectDefCodec.decode(ObjectDefCodec.encode(view))).isEqualTo(view);
        assertThat(ObjectDefCodec.decode(ObjectDefCodec.encode(schema))).isEqualTo(schema);
        assertThat(ObjectDefCodec.decode(ObjectDefCodec.encode("a comment ✓"))).isEqualTo("a comment ✓");
    }

    @Test
    void viewCheckOption_isATrailingField_andOlderViewsReadWithout() {
        ViewDef old = (ViewDef) ObjectDefCodec.decode(HEX.parseHex(VIEW));
        assertThat(old.checkOption()).isNull();
        assertThat(old.dependsOn()).containsExactly("orders", "public.other");
        ViewDef checked = old.withCheckOption(ViewDef.LOCAL);
        byte[] bytes = ObjectDefCodec.encode(checked);
        assertThat(HEX.formatHex(bytes)).startsWith(VIEW).isNotEqualTo(VIEW);
        assertThat(ObjectDefCodec.decode(bytes)).isEqualTo(checked);
    }

    private static final String TABLE = "024d066f726465727303026964140101000772c3a967696f6e9308300101042765752706616d6f75"
            + "6e74a40d8c805000010130010004010b6f72646572735f706b657902116f72646572735f72656769"
            + "6f6e5f6b657902010203136f72646572735f616d6f756e745f636865636b0a616d6f756e74203e20"
            + "3004096f72646572735f666b010007706172656e747301030203";
    private static final String INDEX = "01ac024d096f72646572735f6174066f7264657273010202010000";
    private static final String SEQUENCE_OWNED = "01050d6f72646572735f69645f736571140203ffffffffffffffffff01d00f020101066f72646572"
            + "73026964";
    private static final String SEQUENCE_FREE = "0106046672656517140202feffffff0f280000";
    private static final String ROLE_FULL = "020b05616c6963650a0116534352414d2d5348412d32353624343039363a61626306011432303330"
            + "2d30312d30325430333a30343a30355a02057374616666036f7073";
    private static final String ROLE_BARE = "020c03626f620500000000";
    private static final String VIEW = "01280a6269675f6f726465727302026964140106616d6f756e74a40d8c80503053454c4543542069"
            + "642c20616d6f756e742046524f4d206f726465727320574845524520616d6f756e74203e20313030"
            + "02066f72646572730c7075626c69632e6f74686572";
    private static final String SCHEMA = "04290573616c657305616c696365";
    private static final String COMMENT = "030d6120636f6d6d656e7420e29c93";
}
