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

    public enum Kind { CREATE, ALTER, DROP }

    /** One attribute: a flag such as {@code login} or {@code nosuperuser}, or {@code password} with its value. */
    public sealed interface Option {
    }

    /** LOGIN/NOLOGIN, SUPERUSER/NOSUPERUSER, CREATEDB/NOCREATEDB, CREATEROLE/NOCREATEROLE and the like. */
    public record Flag(String name, boolean value) implements Option {
    }

    /** PASSWORD 'text' (a plain password or a SCRAM verifier), or PASSWORD NULL ({@code text} null). */
    public record Password(String text) implements Option {
    }
}
