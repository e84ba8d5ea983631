package io.heliosdb.sql.ast;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] a, b}. */
public record DropTable(List<TableName> names, boolean ifExists) implements Statement {
}
