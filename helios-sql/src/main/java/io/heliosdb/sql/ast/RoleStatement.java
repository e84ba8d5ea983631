package io.heliosdb.sql.ast;

import java.util.List;

/**
 * CREATE, ALTER or DROP ROLE (or USER, which differs only in that a created user may log in by
 * default).
 *
 * @param names    the role; several for DROP
 * @param user     written as USER rather than ROLE
 * @param options  the attributes as written, each at most once
 */
public record RoleStatement(Kind kind, List<String> names, boolean user, boolean ifExists, List<Option> options)
        implements Statement {

    /** GRANT and REVOKE name the granted roles in {@code names} and the members in a {@link Members} option. */
    public enum Kind { CREATE, ALTER, DROP, GRANT, REVOKE }

    /** One attribute: a flag such as {@code login} or {@code nosuperuser}, or {@code password} with its value. */
    public sealed interface Option {
    }

    /** LOGIN/NOLOGIN, SUPERUSER/NOSUPERUSER, CREATEDB/NOCREATEDB, CREATEROLE/NOCREATEROLE and the like. */
    public record Flag(String name, boolean value) implements Option {
    }

    /** PASSWORD 'text' (a plain password or a SCRAM verifier), or PASSWORD NULL ({@code text} null). */
    public record Password(String text) implements Option {
    }

    /** CONNECTION LIMIT n (-1: no limit). */
    public record ConnectionLimit(int limit) implements Option {
    }

    /** VALID UNTIL 'timestamp' (the text as written; 'infinity' for no end). */
    public record ValidUntil(String text) implements Option {
    }

    /** IN ROLE a, b: the new role becomes a member of these. */
    public record InRole(List<String> roles) implements Option {
    }

    /** ROLE a, b (CREATE ROLE), or the grantees of GRANT / REVOKE: these become (or stop being) members. */
    public record Members(List<String> roles, boolean admin) implements Option {
    }

    /** ALTER ROLE ... RENAME TO name. */
    public record Rename(String newName) implements Option {
    }
}
