package io.heliosdb.core.session;

/** The OIDs of the schemas: the three built-in ones have PostgreSQL's. */
final class SchemaOids {
    private SchemaOids() {
    }

    static Integer oid(String schema) {
        return switch (schema) {
            case "pg_catalog" -> CatalogObjects.PG_CATALOG;
            case "public" -> CatalogObjects.PUBLIC;
            case "information_schema" -> CatalogObjects.INFORMATION_SCHEMA;
            default -> null;
        };
    }
}
