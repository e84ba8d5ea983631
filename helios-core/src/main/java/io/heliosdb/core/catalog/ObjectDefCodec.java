package io.heliosdb.core.catalog;

import static io.heliosdb.core.catalog.CatalogFields.*;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of the catalog objects kept under object keys: views ({@code view:<name>}), schemas ({@code schema:<name>}),
 * composite types ({@code type:<name>}) and comments
 * ({@code comment:<target>}, a string). The first byte says which.
 */
public final class ObjectDefCodec {
    private static final int VIEW = 1;
    private static final int COMMENT = 3;
    private static final int SCHEMA = 4;
    private static final int TYPE = 5;

    private ObjectDefCodec() {
    }

    public static String viewKey(String name) {
        return "view:" + name;
    }

    /** A schema made by CREATE SCHEMA (public has no entry: it always exists). */
    public static String schemaKey(String name) {
        return "schema:" + name;
    }

    /** A composite type made by CREATE TYPE ... AS. */
    public static String typeKey(String name) {
        return "type:" + name;
    }

    public static String commentKey(String target) {
        return "comment:" + target;
    }

    public static byte[] encode(Object object) {
        ByteWriter out = new ByteWriter(64);
        if (object instanceof ViewDef v) {
            out.write(VIEW);
            out.writeVarLong(v.id());
            writeString(out, v.name());
            out.writeVarLong(v.columns().size());
            for (ColumnDef c : v.columns()) {
                writeString(out, c.name());
                out.writeVarLong(c.type().oid());
                out.writeSignedVarLong(c.typmod());
            }
            writeString(out, v.query());
            writeStrings(out, v.dependsOn());
            // Trailing and optional: views stored before check options end after dependsOn.
            if (v.checkOption() != null) {
                writeString(out, v.checkOption());
            }
        } else if (object instanceof io.heliosdb.sql.schema.SchemaDef schema) {
            out.write(SCHEMA);
            out.writeVarLong(schema.id());
            writeString(out, schema.name());
            writeString(out, schema.owner());
        } else if (object instanceof io.heliosdb.sql.schema.TypeDef type) {
            out.write(TYPE);
            out.writeVarLong(type.id());
            writeString(out, type.name());
            out.writeVarLong(type.fields().size());
            for (ColumnDef c : type.fields()) {
                writeString(out, c.name());
                out.writeVarLong(c.type().oid());
                out.writeSignedVarLong(c.typmod());
            }
        } else if (object instanceof String comment) {
            out.write(COMMENT);
            writeString(out, comment);
        } else {
            throw new IllegalArgumentException("not a catalog object: " + object);
        }
        return out.toByteArray();
    }

    public static Object decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int kind = in.read();
        if (kind == COMMENT) {
            return readString(in);
        }
        if (kind == SCHEMA) {
            return new io.heliosdb.sql.schema.SchemaDef(in.readVarLong(), readString(in), readString(in));
        }
        if (kind == TYPE) {
            long id = in.readVarLong();
            String name = readString(in);
            int count = in.readLength();
            List<ColumnDef> fields = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String field = readString(in);
                SqlType type = readType(in, "type " + name);
                fields.add(new ColumnDef(field, type, (int) in.readSignedVarLong(), false, null));
            }
            return new io.heliosdb.sql.schema.TypeDef(id, name, fields);
        }
        if (kind != VIEW) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown catalog object kind " + kind);
        }
        long id = in.readVarLong();
        String name = readString(in);
        int count = in.readLength();
        List<ColumnDef> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String column = readString(in);
            SqlType type = readType(in, "view " + name);
            columns.add(new ColumnDef(column, type, (int) in.readSignedVarLong(), false, null));
        }
        String query = readString(in);
        List<String> dependsOn = readStrings(in);
        return new ViewDef(id, name, columns, query, dependsOn, in.atEnd() ? null : readString(in));
    }
}
