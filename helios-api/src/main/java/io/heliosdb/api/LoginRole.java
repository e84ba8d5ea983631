package io.heliosdb.api;

/**
 * What a server needs to know of a role to let it log in.
 *
 * @param canLogin  false for a NOLOGIN role, which is refused whatever its password
 * @param superuser whether sessions of the role are superuser sessions
 * @param verifier  the SCRAM-SHA-256 verifier in PostgreSQL's {@code pg_authid} text form
 *                  ({@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}), or null when the role has no
 *                  password (then only trust admits it)
 */
public record LoginRole(String name, boolean canLogin, boolean superuser, String verifier) {

    /** Never shows the verifier. */
    @Override
    public String toString() {
        return "LoginRole[name=" + name + ", canLogin=" + canLogin + ", superuser=" + superuser + "]";
    }
}
