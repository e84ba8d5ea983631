package io.heliosdb.sql;

/**
 * The catalog facts the system-information functions ({@code pg_get_indexdef}, {@code pg_get_userbyid},
 * {@code 't'::regclass}, ...) read at run time. Object identifiers are the OIDs the kernel's
 * {@code pg_catalog} views show.
 */
public interface SystemCatalog {

    /** A catalog without objects, for kernels that offer no system views. */
    SystemCatalog NONE = new SystemCatalog() {
    };

    /** The schema of the relation with this OID ({@code pg_catalog} for the system views), or null. */
    default String relationSchema(int oid) {
        return "public";
    }

    /** The OID of the table, index or view with this name, or null when there is none. */
    default Integer relationOid(String name) {
        return null;
    }

    /**
     * The catalog name of the relation with this OID ({@code t} for public's, {@code s.t} for another
     * schema's, {@code pg_catalog.pg_class} for a system view), or null when there is none.
     */
    default String relationName(int oid) {
        return null;
    }

    /** The name of the schema with this OID, or null. */
    default String namespaceName(int oid) {
        return switch (oid) {
            case 11 -> "pg_catalog";
            case 2200 -> "public";
            case 13_000 -> "information_schema";
            default -> null;
        };
    }

    /** The OID of the schema with this name, or null. */
    default Integer namespaceOid(String name) {
        return switch (name) {
            case "pg_catalog" -> 11;
            case "public" -> 2200;
            case "information_schema" -> 13_000;
            default -> null;
        };
    }

    /** Bytes stored for the table or index with this OID (its rows or entries), 0 when there is none. */
    default long relationSize(int oid) {
        return 0;
    }

    /** Bytes stored for the indexes of the table with this OID. */
    default long indexesSize(int tableOid) {
        return 0;
    }

    /** The OID of the type with this name (as {@code format_type} or {@code pg_type.typname} spells it), or null. */
    default Integer typeOid(String name) {
        return null;
    }

    /** {@code CREATE [UNIQUE] INDEX ...} for the index with this OID, or null. */
    default String indexDefinition(int indexOid) {
        return null;
    }

    /** {@code PRIMARY KEY (a, b)} for the constraint with this OID, or null. */
    default String constraintDefinition(int constraintOid) {
        return null;
    }

    /** The stored query of the view with this OID, as pg_get_viewdef shows it, or null. */
    default String viewDefinition(int viewOid) {
        return null;
    }

    /**
     * The comment on an object (COMMENT ON), or null: {@code catalog} is the system catalog holding the
     * object ("pg_class", "pg_namespace"; null for any), {@code subId} a column number or 0.
     */
    default String description(int objectOid, String catalog, int subId) {
        return null;
    }

    /** The name of the role with this OID, or null when unknown. */
    default String roleName(int roleOid) {
        return null;
    }

    /** The OID of the role with this name, or null. */
    default Integer roleOid(String name) {
        return null;
    }

    /** The database the session is connected to. */
    default String databaseName() {
        return "heliosdb";
    }

    /** The process id pg_stat_activity shows for this session. */
    default int backendPid() {
        return 0;
    }
}
