package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code CREATE TYPE name AS (field type, ...)}, {@code DROP TYPE [IF EXISTS] name, ... [CASCADE | RESTRICT]} and
 * {@code ALTER TYPE name RENAME TO new}: composite types.
 */
public record TypeStatement(Kind kind, List<String> names, List<Field> fields, boolean ifExists, boolean cascade,
                            String newName) implements Statement {

    public enum Kind { CREATE, DROP, RENAME }

    /** One field of CREATE TYPE as written. */
    public record Field(String name, TypeName type) {
    }

    public TypeStatement {
        names = List.copyOf(names);
        fields = List.copyOf(fields);
    }
}
