package io.heliosdb.core.catalog;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.RoleDef;
import java.nio.charset.StandardCharsets;

/** The stored form of a role: its attributes and SCRAM verifier (never a plain password). */
public final class RoleDefCodec {
    private static final int FORMAT_VERSION = 1;
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
        return out.toByteArray();
    }

    public static RoleDef decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int version = in.read();
        if (version != FORMAT_VERSION) {
            throw new HeliosException(SqlState.DATA_CORRUPTED, "unknown role definition format " + version);
        }
        long id = in.readVarLong();
        String name = readString(in);
        int flags = in.read();
        String password = in.read() != 0 ? readString(in) : null;
        return new RoleDef(id, name, (flags & SUPERUSER) != 0, (flags & CREATE_DB) != 0, (flags & CREATE_ROLE) != 0,
                (flags & LOGIN) != 0, password);
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
