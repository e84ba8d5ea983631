package io.heliosdb.core.catalog;

import static io.heliosdb.core.catalog.CatalogFields.*;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** The stored form of a table definition; types are stored by PostgreSQL OID so enum order may change. */
public final class TableDefCodec {
    /** Format 2 appends the constraints; format 1 (no constraints) is still read. */
    private static final int FORMAT_VERSION = 2;

    private TableDefCodec() {
    }

    public static byte[] encode(TableDef table) {
        ByteWriter out = new ByteWriter(64);
        out.write(FORMAT_VERSION);
        out.writeVarLong(table.id());
        writeString(out, table.name());
        out.writeVarLong(table.columns().size());
        for (ColumnDef c : table.columns()) {
            writeString(out, c.name());
            out.writeVarLong(c.type().oid());
            out.writeSignedVarLong(c.typmod());
            out.write(c.notNull() ? 1 : 0);
            writeOptionalString(out, c.defaultExpression());
        }
        writeInts(out, table.primaryKey());
        ConstraintDefCodec.write(out, table.constraints());
        return out.toByteArray();
    }

    public static TableDef decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int version = readVersion(in, 1, FORMAT_VERSION, "table definition");
        long id = in.readVarLong();
        String name = readString(in);
        int columnCount = in.readLength();
        List<ColumnDef> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String columnName = readString(in);
            SqlType type = readType(in, "table " + name);
            int typmod = (int) in.readSignedVarLong();
            boolean notNull = in.read() != 0;
            String defaultExpression = readOptionalString(in);
            columns.add(new ColumnDef(columnName, type, typmod, notNull, defaultExpression));
        }
        List<Integer> primaryKey = readInts(in);
        List<io.heliosdb.sql.schema.ConstraintDef> constraints = version >= 2 ? ConstraintDefCodec.read(in) : List.of();
        return new TableDef(id, name, columns, primaryKey, constraints);
    }
}
