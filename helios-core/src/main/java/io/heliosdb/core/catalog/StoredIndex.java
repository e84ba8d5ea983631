package io.heliosdb.core.catalog;

import io.heliosdb.sql.schema.IndexDef;

/**
 * A secondary index as the kernel keeps it: the SQL definition plus the ids the SQL layer never
 * sees. {@code id} prefixes every entry of the index (ids come from the table id sequence, so they
 * are never reused); {@code tableId} ties the index to one incarnation of its table, so a table
 * dropped and created again under the same name inherits nothing.
 */
public record StoredIndex(long id, long tableId, IndexDef definition) {

    public String name() {
        return definition.name();
    }

    public String table() {
        return definition.table();
    }
}
