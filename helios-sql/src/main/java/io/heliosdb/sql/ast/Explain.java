package io.heliosdb.sql.ast;

/** {@code EXPLAIN [ANALYZE] statement}. */
public record Explain(Statement statement, boolean analyze) implements Statement {
}
