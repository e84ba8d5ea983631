package io.heliosdb.core.catalog;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.charset.StandardCharsets;
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
            out.write(c.defaultExpression() == null ? 0 : 1);
            if (c.defaultExpression() != null) {
                writeString(out, c.defaultExpression());
            }
        }
        out.writeVarLong(table.primaryKey().size());
        for (int index : table.primaryKey()) {
            out.writeVarLong(index);
        }
        ConstraintDefCodec.write(out, table.constraints());
        return out.toByteArray();
    }

    public static TableDef decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int version = in.read();
        if (version != FORMAT_VERSION && version != 1) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown table definition format " + version);
        }
        long id = in.readVarLong();
        String name = readString(in);
        int columnCount = in.readLength();
        List<ColumnDef> columns = new ArrayList<>(columnCount);
        for (int i = 0; i < columnCount; i++) {
            String columnName = readString(in);
            int oid = (int) in.readVarLong();
            SqlType type = SqlType.ofOid(oid);
            if (type == null) {
                throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown type oid " + oid + " in table " + name);
            }
            int typmod = (int) in.readSignedVarLong();
            boolean notNull = in.read() != 0;
            String defaultExpression = in.read() != 0 ? readString(in) : null;
            columns.add(new ColumnDef(columnName, type, typmod, notNull, defaultExpression));
        }
        int keyCount = in.readLength();
        List<Integer> primaryKey = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            primaryKey.add(in.readLength());
        }
        List<io.heliosdb.sql.schema.ConstraintDef> constraints = version >= 2 ? ConstraintDefCodec.read(in) : List.of();
        return new TableDef(id, name, columns, primaryKey, constraints);
    }

    private static void writeString(ByteWriter out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeVarLong(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteReader in) {
        return new String(in.read(in.readLength()), StandardCharsets.UTF_8);
    }
}
