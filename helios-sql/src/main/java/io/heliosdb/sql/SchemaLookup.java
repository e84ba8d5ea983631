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

    /** The view with this case-folded name; a kernel without views has none. */
    default Optional<io.heliosdb.sql.schema.ViewDef> view(String name) {
        return Optional.empty();
    }

    /** Every view, for finding the views that depend on a relation. */
    default List<io.heliosdb.sql.schema.ViewDef> views() {
        return List.of();
    }

    /**
     * The lookup a view's body is analyzed against: the same catalog, but a lookup that records the
     * relations a statement reads returns one that does not, so a view's dependencies are its direct ones.
     */
    default SchemaLookup forViewBody() {
        return this;
    }

    /** Whether the schema exists: only {@code public} in a kernel without CREATE SCHEMA. */
    default boolean schemaExists(String schema) {
        return schema.equals("public");
    }

    /** Every table, for finding the foreign keys that reference one. */
    default List<TableDef> tables() {
        return List.of();
    }
}
