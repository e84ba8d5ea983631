package io.heliosdb.sql.ast;

import java.util.List;

/**
 * {@code CREATE TABLE}.
 *
 * @param primaryKey the table-level {@code PRIMARY KEY (...)} columns, empty when none
 * @param tablePrimaryKeys how many table-level primary key clauses were written (more than one is an error)
 * @param constraints the other constraints (column and table level) and a named primary key
 */
public record CreateTable(String name, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey,
                          int tablePrimaryKeys, List<TableConstraint> constraints) implements Statement {

    public CreateTable(String name, boolean ifNotExists, List<ColumnSpec> columns, List<String> primaryKey,
                       int tablePrimaryKeys) {
        this(name, ifNotExists, columns, primaryKey, tablePrimaryKeys, List.of());
    }
}
