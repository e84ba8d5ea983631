package io.heliosdb.sql;

import io.heliosdb.sql.schema.ViewDef;

/** Whether a view is automatically updatable, as information_schema.views reports it. */
public final class ViewUpdatability {

    private ViewUpdatability() {
    }

    /** True when INSERT, UPDATE and DELETE can write through {@code view} (PostgreSQL's rules). */
    public static boolean isUpdatable(SchemaLookup schema, ViewDef view) {
        return io.heliosdb.sql.analyze.ViewCheckOptions.isUpdatable(schema, view);
    }

    /** For each column of {@code view}, whether INSERT and UPDATE can write it (pg_column_is_updatable). */
    public static boolean[] updatableColumns(SchemaLookup schema, ViewDef view) {
        return io.heliosdb.sql.analyze.ViewCheckOptions.updatableColumns(schema, view);
    }
}
