package io.heliosdb.core.catalog;

import static io.heliosdb.core.catalog.CatalogFields.*;

import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.sql.schema.RoleDef;

/** The stored form of a role: its attributes and SCRAM verifier (never a plain password). */
public final class RoleDefCodec {
    /** Version 2 added the connection limit, VALID UNTIL and role membership; version 1 is still read. */
    private static final int FORMAT_VERSION = 2;
    private static final int SUPERUSER = 1;
    private static final int CREATE_DB = 2;
    private static final int CREATE_ROLE = 4;
    private static final int LOGIN = 8;
    /** NOINHERIT; older roles have the bit clear, so they read as INHERIT, PostgreSQL's default. */
    private static final int NO_INHERIT = 16;

    private RoleDefCodec() {
    }

    public static byte[] encode(RoleDef r) {
        ByteWriter out = new ByteWriter(160);
        out.write(FORMAT_VERSION);
        out.writeVarLong(r.id());
        writeString(out, r.name());
        out.write((r.superuser() ? SUPERUSER : 0) | (r.createDb() ? CREATE_DB : 0) | (r.createRole() ? CREATE_ROLE : 0)
                | (r.canLogin() ? LOGIN : 0) | (r.inherit() ? 0 : NO_INHERIT));
        writeOptionalString(out, r.password());
        out.writeVarLong(r.connectionLimit() + 1L);
        writeOptionalString(out, r.validUntil() == null ? null : r.validUntil().toString());
        writeStrings(out, r.memberOf());
        return out.toByteArray();
    }

    public static RoleDef decode(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        int version = readVersion(in, 1, FORMAT_VERSION, "role definition");
        long id = in.readVarLong();
        String name = readString(in);
        int flags = in.read();
        String password = readOptionalString(in);
        int limit = -1;
        java.time.OffsetDateTime validUntil = null;
        java.util.List<String> memberOf = java.util.List.of();
        if (version >= 2) {
            limit = (int) in.readVarLong() - 1;
            String until = readOptionalString(in);
            validUntil = until == null ? null : java.time.OffsetDateTime.parse(until);
            memberOf = readStrings(in);
        }
        return new RoleDef(id, name, (flags & SUPERUSER) != 0, (flags & CREATE_DB) != 0, (flags & CREATE_ROLE) != 0,
                (flags & LOGIN) != 0, password, limit, validUntil, memberOf, (flags & NO_INHERIT) == 0);
    }
}
