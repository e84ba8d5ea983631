package io.heliosdb.sql.ast;

/** {@code ALTER SEQUENCE [IF EXISTS] name options} (RESTART included). */
public record AlterSequence(String name, boolean ifExists, SequenceOptions options) implements Statement {
}
