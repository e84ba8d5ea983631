package io.heliosdb.sql.ast;

/** {@code CREATE SEQUENCE [IF NOT EXISTS] name options}. */
public record CreateSequence(String name, boolean ifNotExists, SequenceOptions options) implements Statement {
}
