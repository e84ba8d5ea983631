package io.heliosdb.sql.ast;

/** {@code SET name = value}; value is null for {@code DEFAULT}. */
public record SetVariable(String name, String value) implements Statement {
}
