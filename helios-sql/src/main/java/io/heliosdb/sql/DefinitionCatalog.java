package io.heliosdb.sql;

import io.heliosdb.sql.schema.ViewDef;

/**
 * The catalog objects other than tables, indexes and sequences, as a statement changes them inside its
 * transaction: they commit or roll back with it.
 */
public interface DefinitionCatalog {

    /** Stores a new view (the kernel assigns its id) or replaces the one of that name; returns what was stored. */
    ViewDef putView(ViewDef view);

    void dropView(ViewDef view);

    /**
     * COMMENT ON: sets (text) or removes (null) the comment on {@code target}, which is {@code r:<id>} for
     * the table, view or sequence with that kernel id, {@code c:<id>:<column>} for one of its columns, or
     * {@code n:<schema>} for a schema.
     */
    void setComment(String target, String text);

    /** Stores a new schema (the kernel assigns its id); returns what was stored. */
    default io.heliosdb.sql.schema.SchemaDef putSchema(io.heliosdb.sql.schema.SchemaDef schema) {
        throw new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.FEATURE_NOT_SUPPORTED,
                "This kernel does not support schemas");
    }

    /** Drops an (already emptied) schema. */
    default void dropSchema(io.heliosdb.sql.schema.SchemaDef schema) {
        throw new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.FEATURE_NOT_SUPPORTED,
                "This kernel does not support schemas");
    }

    /** Stores a new composite type (the kernel assigns its id) or replaces one of that id; returns what was stored. */
    default io.heliosdb.sql.schema.TypeDef putType(io.heliosdb.sql.schema.TypeDef type) {
        throw new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.FEATURE_NOT_SUPPORTED,
                "This kernel does not support composite types");
    }

    default void dropType(io.heliosdb.sql.schema.TypeDef type) {
        throw new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.FEATURE_NOT_SUPPORTED,
                "This kernel does not support composite types");
    }
}
