package io.heliosdb.sql.ast;

import java.util.List;

/** {@code TRUNCATE [TABLE] a, b}: removes every row of the tables. */
public record Truncate(List<TableName> tables) implements Statement {
}
