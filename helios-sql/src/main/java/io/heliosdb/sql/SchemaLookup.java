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

    /**
     * The ways the planner may read {@code table} by key: its indexes, and its primary key where the kernel
     * can read a range of it ({@link io.heliosdb.sql.schema.PrimaryKeyIndex}).
     */
    default List<IndexDef> accessPaths(TableDef table) {
        return indexes(table.name());
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

    /** Whether the schema exists: {@code public} always, others once CREATE SCHEMA made them. */
    default boolean schemaExists(String schema) {
        return schema.equals("public") || schema(schema).isPresent();
    }

    /** The schema made by CREATE SCHEMA with this name; a kernel without schemas has none. */
    default Optional<io.heliosdb.sql.schema.SchemaDef> schema(String name) {
        return Optional.empty();
    }

    /** Every schema made by CREATE SCHEMA, by name. */
    default List<io.heliosdb.sql.schema.SchemaDef> schemas() {
        return List.of();
    }

    /**
     * The catalog name a CREATE of {@code name} makes: a qualified name as written, an unqualified one in the
     * first schema of search_path that exists (see io.heliosdb.sql.schema.QualifiedNames).
     */
    default String creationName(String name) {
        return name;
    }

    /** The schemas of search_path that exist, in order (current_schema() is the first). */
    default List<String> searchPathSchemas() {
        return List.of("public");
    }

    /** Every table, for finding the foreign keys that reference one. */
    default List<TableDef> tables() {
        return List.of();
    }

    /** The composite type (CREATE TYPE ... AS) with this case-folded name, qualified or along search_path. */
    default Optional<io.heliosdb.sql.schema.TypeDef> compositeType(String name) {
        return Optional.empty();
    }

    /** Every composite type, by name. */
    default List<io.heliosdb.sql.schema.TypeDef> compositeTypes() {
        return List.of();
    }

    /** The composite type with this type OID (the typmod of its values). */
    default Optional<io.heliosdb.sql.schema.TypeDef> compositeType(int oid) {
        return compositeTypes().stream().filter(t -> t.oid() == oid).findFirst();
    }
}
