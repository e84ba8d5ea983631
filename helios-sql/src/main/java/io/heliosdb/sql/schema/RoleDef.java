package io.heliosdb.sql.schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A role (user): its attributes and password, kept only as a SCRAM-SHA-256 verifier (or an md5 hash given
 * as such) in PostgreSQL's {@code pg_authid} text form, never in plain text.
 *
 * @param id              the kernel's id (its OID follows from it); {@link #BOOTSTRAP_ID} for the bootstrap superuser
 * @param password        the verifier, or null when the role has no password
 * @param connectionLimit CONNECTION LIMIT, -1 for none
 * @param validUntil      VALID UNTIL: when the password stops working, or null for never
 * @param memberOf        the roles this one is a member of (GRANT g TO r, IN ROLE g), by name
 * @param inherit         INHERIT (the default) or NOINHERIT, as pg_roles.rolinherit shows it
 */
public record RoleDef(long id, String name, boolean superuser, boolean createDb, boolean createRole, boolean canLogin,
                      String password, int connectionLimit, OffsetDateTime validUntil, List<String> memberOf,
                      boolean inherit) {

    /** The bootstrap superuser from the configuration, which exists without being stored (OID 10). */
    public static final long BOOTSTRAP_ID = 0;

    public RoleDef {
        memberOf = memberOf == null ? List.of() : List.copyOf(memberOf);
    }

    public RoleDef(long id, String name, boolean superuser, boolean createDb, boolean createRole, boolean canLogin,
                   String password, int connectionLimit, OffsetDateTime validUntil, List<String> memberOf) {
        this(id, name, superuser, createDb, createRole, canLogin, password, connectionLimit, validUntil, memberOf, true);
    }

    public RoleDef(long id, String name, boolean superuser, boolean createDb, boolean createRole, boolean canLogin,
                   String password) {
        this(id, name, superuser, createDb, createRole, canLogin, password, -1, null, List.of());
    }

    public boolean bootstrap() {
        return id == BOOTSTRAP_ID;
    }

    public RoleDef withId(long newId) {
        return new RoleDef(newId, name, superuser, createDb, createRole, canLogin, password, connectionLimit, validUntil,
                memberOf, inherit);
    }

    public RoleDef withName(String newName) {
        return new RoleDef(id, newName, superuser, createDb, createRole, canLogin, password, connectionLimit, validUntil,
                memberOf, inherit);
    }

    public RoleDef withPassword(String newPassword) {
        return new RoleDef(id, name, superuser, createDb, createRole, canLogin, newPassword, connectionLimit, validUntil,
                memberOf, inherit);
    }

    public RoleDef withMemberOf(List<String> roles) {
        return new RoleDef(id, name, superuser, createDb, createRole, canLogin, password, connectionLimit, validUntil,
                roles, inherit);
    }
}
