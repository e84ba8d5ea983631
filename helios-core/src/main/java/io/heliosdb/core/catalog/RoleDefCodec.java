package io.heliosdb.core.catalog;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.RoleDef;
import java.nio.charset.StandardCharsets;

/** The stored form of a role: its attributes and SCRAM verifier (never a plain password). */
public final class RoleDefCodec {
    /** Version 2 added the connection limit, VALID UNTIL and role membership; version 1 is still read. */
    private static final int FORMAT_VERSION = 2;
    private static final int SUPERUSER = 1;
    private static final int CREATE_DB = 2;
    private static final int CREATE_ROLE = 4;
    private static final int LOGIN = 8;

    private RoleDefCodec() {
    }

    public static byte[] encode(RoleDef r) {
        ByteWriter out = new ByteWriter(160);
        out.write(FORMAT_VERSION);
        out.writeVarLong(r.id());
        writeString(out, r.name());
        out.write((r.superuser() ? SUPERUSER : 0) | (r.createDb() ? CREATE_DB : 0) | (r.createRole() ? CREATE_ROLE : 0)
                | (r.canLogin() ? LOGIN : 0));
        out.write(r.password() == null ? 0 : 1);
        if (r.password() != null) {
            writeString(out, r.password());
        }
        out.writeVarLong(r.connectionLimit() + 1L);
        out.write(r.validUntil() == null ? 0 : 1);
        if (r.validUntil() != null) {
            writeString(out, r.validUntil().toString());
        }
        out.writeVarLong(r.memberOf().size());
        for (String group : r.memberOf()) {
            writeString(out, group);
        }
        return out.toByteArray();
    }

    public static RoleDef decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int version = in.read();
        if (version != FORMAT_VERSION && version != 1) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown role definition format " + version);
        }
        long id = in.readVarLong();
        String name = readString(in);
        int flags = in.read();
        String password = in.read() != 0 ? readString(in) : null;
        int limit = -1;
        java.time.OffsetDateTime validUntil = null;
        java.util.List<String> memberOf = new java.util.ArrayList<>();
        if (version >= 2) {
            limit = (int) in.readVarLong() - 1;
            validUntil = in.read() != 0 ? java.time.OffsetDateTime.parse(readString(in)) : null;
            for (long n = in.readVarLong(); n > 0; n--) {
                memberOf.add(readString(in));
            }
        }
        return new RoleDef(id, name, (flags & SUPERUSER) != 0, (flags & CREATE_DB) != 0, (flags & CREATE_ROLE) != 0,
                (flags & LOGIN) != 0, password, limit, validUntil, memberOf);
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
