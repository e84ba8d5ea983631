package io.heliosdb.sql.ast;

import java.util.List;

/** {@code DROP SEQUENCE [IF EXISTS] a, b}. */
public record DropSequence(List<String> names, boolean ifExists) implements Statement {
}
