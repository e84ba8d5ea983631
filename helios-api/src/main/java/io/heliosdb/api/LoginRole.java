package io.heliosdb.api;

import java.time.OffsetDateTime;

/**
 * What a server needs to know of a role to let it log in.
 *
 * @param canLogin        false for a NOLOGIN role, which is refused whatever its password
 * @param superuser       whether sessions of the role are superuser sessions
 * @param verifier        the password in PostgreSQL's {@code pg_authid} text form: a SCRAM-SHA-256 verifier
 *                        ({@code SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey}) or an md5 hash
 *                        ({@code md5} and 32 hex digits), or null when the role has no password (then only
 *                        trust admits it)
 * @param connectionLimit how many sessions the role may have at once, -1 for no limit
 * @param validUntil      when the password stops being accepted, or null for never
 */
public record LoginRole(String name, boolean canLogin, boolean superuser, String verifier, int connectionLimit,
                        OffsetDateTime validUntil) {

    public LoginRole(String name, boolean canLogin, boolean superuser, String verifier) {
        this(name, canLogin, superuser, verifier, -1, null);
    }

    /** Never shows the verifier. */
    @Override
    public String toString() {
        return "LoginRole[name=" + name + ", canLogin=" + canLogin + ", superuser=" + superuser + "]";
    }
}
