package io.heliosdb.sql.ast;

import java.util.List;

/** {@code DROP INDEX [IF EXISTS] a, b}. */
public record DropIndex(List<String> names, boolean ifExists) implements Statement {
}
