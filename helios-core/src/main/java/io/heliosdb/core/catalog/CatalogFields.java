package io.heliosdb.core.catalog;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The framing every stored catalog definition shares: a leading format byte, UTF-8 strings with a
 * var-length prefix, optional strings behind a 0/1 flag byte, count-prefixed lists, and types by
 * PostgreSQL OID. The bytes are the catalog's on-disk format: changing any of them breaks old files.
 */
final class CatalogFields {
    private CatalogFields() {
    }

    /** Reads the format byte; anything from {@code oldest} to {@code newest} is read, else 'XX001'. */
    static int readVersion(ByteReader in, int oldest, int newest, String what) {
        int version = in.read();
        if (version < oldest || version > newest) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown " + what + " format " + version);
        }
        return version;
    }

    static void writeString(ByteWriter out, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeVarLong(utf8.length);
        out.write(utf8);
    }

    static String readString(ByteReader in) {
        return new String(in.read(in.readLength()), StandardCharsets.UTF_8);
    }

    /** A flag byte (0 for null), then the string when there is one. */
    static void writeOptionalString(ByteWriter out, String s) {
        out.write(s == null ? 0 : 1);
        if (s != null) {
            writeString(out, s);
        }
    }

    static String readOptionalString(ByteReader in) {
        return in.read() != 0 ? readString(in) : null;
    }

    static void writeStrings(ByteWriter out, List<String> values) {
        out.writeVarLong(values.size());
        values.forEach(s -> writeString(out, s));
    }

    static List<String> readStrings(ByteReader in) {
        int n = in.readLength();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(readString(in));
        }
        return values;
    }

    /** Non-negative ints such as column positions. */
    static void writeInts(ByteWriter out, List<Integer> values) {
        out.writeVarLong(values.size());
        values.forEach(out::writeVarLong);
    }

    static List<Integer> readInts(ByteReader in) {
        int n = in.readLength();
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readLength());
        }
        return values;
    }

    /** A column type by OID; one no longer known is 'XX001', naming {@code owner} ("table t"). */
    static SqlType readType(ByteReader in, String owner) {
        int oid = (int) in.readVarLong();
        SqlType type = SqlType.ofOid(oid);
        if (type == null) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown type oid " + oid + " in " + owner);
        }
        return type;
    }
}
