package io.heliosdb.sql.ast;

import io.heliosdb.api.SqlType;

/**
 * A type as written in DDL or a cast, resolved to a SQL type and PostgreSQL type modifier (-1 when none).
 * A name the parser does not know ({@code composite}, as written, maybe schema-qualified) is a user-defined
 * composite type, resolved against the catalog by the analyzer ({@code analyze.CompositeTypes}); until then it is
 * {@code record} with typmod -1. {@code position} is its 1-based place in the text, for 42704.
 */
public record TypeName(SqlType type, int typmod, String composite, int position) {

    public TypeName(SqlType type, int typmod) {
        this(type, typmod, null, 0);
    }

    /** A name that is not a built-in type, for the catalog to resolve. */
    public static TypeName named(String name, int position) {
        return new TypeName(SqlType.RECORD, -1, name, position);
    }

    public boolean unresolved() {
        return composite != null;
    }
}
