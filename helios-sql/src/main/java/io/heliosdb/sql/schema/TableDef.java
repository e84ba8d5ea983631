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
 */
public record TableDef(long id, String name, List<ColumnDef> columns, List<Integer> primaryKey) {

    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    public TableDef withId(long newId) {
        return new TableDef(newId, name, columns, primaryKey);
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
