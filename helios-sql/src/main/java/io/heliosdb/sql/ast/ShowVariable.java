package io.heliosdb.sql.ast;

/** {@code SHOW name}. */
public record ShowVariable(String name) implements Statement {
}
