package io.heliosdb.core.catalog;

import static io.heliosdb.core.catalog.CatalogFields.*;

import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.IndexDef;
import java.util.ArrayList;
import java.util.List;

/** The stored form of an index definition in the catalog keyspace. */
public final class IndexDefCodec {
    private static final int FORMAT_VERSION = 1;

    private IndexDefCodec() {
    }

    public static byte[] encode(StoredIndex index) {
        IndexDef def = index.definition();
        ByteWriter out = new ByteWriter(32);
        out.write(FORMAT_VERSION);
        out.writeVarLong(index.id());
        out.writeVarLong(index.tableId());
        writeString(out, def.name());
        writeString(out, def.table());
        out.write(def.unique() ? 1 : 0);
        out.writeVarLong(def.columns().size());
        for (int i = 0; i < def.columns().size(); i++) {
            out.writeVarLong(def.columns().get(i));
            out.write(def.descending().get(i) ? 1 : 0);
        }
        return out.toByteArray();
    }

    public static StoredIndex decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        readVersion(in, FORMAT_VERSION, FORMAT_VERSION, "index definition");
        long id = in.readVarLong();
        long tableId = in.readVarLong();
        String name = readString(in);
        String table = readString(in);
        boolean unique = in.read() != 0;
        int count = in.readLength();
        List<Integer> columns = new ArrayList<>(count);
        List<Boolean> descending = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(in.readLength());
            descending.add(in.read() != 0);
        }
        return new StoredIndex(id, tableId, new IndexDef(name, table, columns, descending, unique));
    }
}
