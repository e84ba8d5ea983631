package io.heliosdb.sql.schema;

/**
 * A schema made by CREATE SCHEMA. {@code public} is never stored: it always exists, so databases made
 * before schemas existed need no entry for it.
 *
 * @param id    the kernel-assigned id (also its OID in pg_namespace)
 * @param owner the role that created it
 */
public record SchemaDef(long id, String name, String owner) {
}
