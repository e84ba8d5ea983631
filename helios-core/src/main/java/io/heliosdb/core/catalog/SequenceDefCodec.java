package io.heliosdb.core.catalog;

import static io.heliosdb.core.catalog.CatalogFields.*;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.SequenceDef;

/** The stored form of a sequence definition (its value is kept apart, see txn.SequenceCounters). */
public final class SequenceDefCodec {
    private static final int FORMAT_VERSION = 1;

    private SequenceDefCodec() {
    }

    public static byte[] encode(SequenceDef s) {
        ByteWriter out = new ByteWriter(64);
        out.write(FORMAT_VERSION);
        out.writeVarLong(s.id());
        writeString(out, s.name());
        out.writeVarLong(s.type().oid());
        out.writeSignedVarLong(s.start());
        out.writeSignedVarLong(s.increment());
        out.writeSignedVarLong(s.min());
        out.writeSignedVarLong(s.max());
        out.writeSignedVarLong(s.cache());
        out.write(s.cycle() ? 1 : 0);
        out.write(s.ownerTable() == null ? 0 : 1);
        if (s.ownerTable() != null) {
            writeString(out, s.ownerTable());
            writeString(out, s.ownerColumn());
        }
        return out.toByteArray();
    }

    public static SequenceDef decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        readVersion(in, FORMAT_VERSION, FORMAT_VERSION, "sequence definition");
        long id = in.readVarLong();
        String name = readString(in);
        SqlType type = SqlType.ofOid((int) in.readVarLong());
        long start = in.readSignedVarLong();
        long increment = in.readSignedVarLong();
        long min = in.readSignedVarLong();
        long max = in.readSignedVarLong();
        long cache = in.readSignedVarLong();
        boolean cycle = in.read() != 0;
        String ownerTable = null;
        String ownerColumn = null;
        if (in.read() != 0) {
            ownerTable = readString(in);
            ownerColumn = readString(in);
        }
        return new SequenceDef(id, name, type, start, increment, min, max, cache, cycle, ownerTable, ownerColumn);
    }
}
