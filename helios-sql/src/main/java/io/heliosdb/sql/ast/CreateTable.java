package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code CREATE TABLE}.
 *
 * @param primaryKey the table-level {@code PRIMARY KEY (...)} columns, empty when none
 * @param tablePrimaryKeys how many table-level primary key clauses were written (more than one is an error)
 */
public record CreateTable(String name, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey,
                          int tablePrimaryKeys) implements Statement {
}
