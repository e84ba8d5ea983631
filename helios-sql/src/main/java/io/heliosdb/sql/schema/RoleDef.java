package io.heliosdb.sql.schema;

/**
 * A role (user): its attributes and password, kept only as a SCRAM-SHA-256 verifier in PostgreSQL's
 * {@code pg_authid} text form, never in plain text.
 *
 * @param id       the kernel's id (its OID follows from it); {@link #BOOTSTRAP_ID} for the bootstrap superuser
 * @param password the verifier, or null when the role has no password
 */
public record RoleDef(long id, String name, boolean superuser, boolean createDb, boolean createRole, boolean canLogin,
                      String password) {

    /** The bootstrap superuser from the configuration, which exists without being stored (OID 10). */
    public static final long BOOTSTRAP_ID = 0;

    public boolean bootstrap() {
        return id == BOOTSTRAP_ID;
    }

    public RoleDef withId(long newId) {
        return new RoleDef(newId, name, superuser, createDb, createRole, canLogin, password);
    }
}
