package io.heliosdb.sql;

import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;

/** The catalog as the analyzer sees it. */
public interface SchemaLookup {

    /** The table with this case-folded name, if it exists. */
    Optional<TableDef> table(String name);

    /** The index with this case-folded name; a kernel without indexes has none. */
    default Optional<IndexDef> index(String name) {
        return Optional.empty();
    }

    /** The indexes on the named table, for the planner. */
    default List<IndexDef> indexes(String table) {
        return List.of();
    }

    /** Every table, for finding the foreign keys that reference one. */
    default List<TableDef> tables() {
        return List.of();
    }
}
