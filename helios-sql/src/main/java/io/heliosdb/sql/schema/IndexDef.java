package io.heliosdb.sql.schema;

import java.util.List;

/**
 * A secondary index as the catalog stores it ({@code CREATE [UNIQUE] INDEX}).
 *
 * @param name       the index name, case-folded; indexes share one namespace with tables
 * @param table      the indexed table's name
 * @param columns    indexes into the table's columns, in key order
 * @param descending per key column, whether it sorts descending
 * @param unique     whether two rows may not share a key without NULLs ({@code 23505} otherwise)
 */
public record IndexDef(String name, String table, List<Integer> columns, List<Boolean> descending, boolean unique) {

    public IndexDef {
        columns = List.copyOf(columns);
        descending = List.copyOf(descending);
        if (columns.size() != descending.size() || columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs one direction per key column");
        }
    }
}
