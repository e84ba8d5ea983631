package io.heliosdb.sql.schema;

import java.util.List;

/**
 * A table as the catalog stores it.
 *
 * @param id         the kernel-assigned table id (0 before the kernel created it)
 * @param name       the table name, already case-folded
 * @param columns    the columns in order
 * @param primaryKey indexes into {@code columns} of the primary key, in key order; empty when the
 *                   table has none (the kernel then keys rows by a hidden row id)
 * @param constraints the named constraints (primary key name, UNIQUE, CHECK, FOREIGN KEY)
 */
public record TableDef(long id, String name, List<ColumnDef> columns, List<Integer> primaryKey,
                       List<ConstraintDef> constraints) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        constraints = List.copyOf(constraints);
    }

    public TableDef(long id, String name, List<ColumnDef> columns, List<Integer> primaryKey) {
        this(id, name, columns, primaryKey, List.of());
    }

    public TableDef withId(long newId) {
        return new TableDef(newId, name, columns, primaryKey, constraints);
    }

    public TableDef withConstraints(List<ConstraintDef> newConstraints) {
        return new TableDef(id, name, columns, primaryKey, newConstraints);
    }

    /** The constraint with this name, or null. */
    public ConstraintDef constraint(String constraintName) {
        for (ConstraintDef c : constraints) {
            if (c.name().equals(constraintName)) {
                return c;
            }
        }
        return null;
    }

    /** The primary key's constraint name: as declared, else PostgreSQL's {@code <table>_pkey}. */
    public String primaryKeyName() {
        for (ConstraintDef c : constraints) {
            if (c instanceof ConstraintDef.PrimaryKey pk) {
                return pk.name();
            }
        }
        return name + "_pkey";
    }

    /** Index of the column with this (case-folded) name, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasPrimaryKey() {
        return !primaryKey.isEmpty();
    }
}
