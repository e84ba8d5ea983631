package io.heliosdb.sql.schema;

import java.util.List;

/**
 * A composite type made by {@code CREATE TYPE name AS (field type, ...)}. Its values are record text
 * ({@code (1,abc)}) of {@code SqlType.RECORD} with the type's OID as typmod.
 *
 * @param id     the kernel-assigned id (its pg_class row's OID follows from it, like a table's)
 * @param name   the catalog name (see {@link QualifiedNames})
 * @param fields the fields in order; a field of a composite type is {@code record} with that type's OID as typmod
 */
public record TypeDef(long id, String name, List<ColumnDef> fields) {
    /** PostgreSQL's first OID for user objects, as the kernel's relation OIDs use it. */
    private static final int FIRST_USER_OID = 16_384;

    public TypeDef {
        fields = List.copyOf(fields);
    }

    /** The OID of its pg_class row (relkind 'c'), taken from the id like a table's. */
    public int relationOid() {
        return FIRST_USER_OID + 3 * (int) id;
    }

    /** The type's OID (pg_type.oid), also the typmod of its values: the spare OID after its relation's. */
    public int oid() {
        return relationOid() + 1;
    }

    /** Whether a typmod names a composite type (rather than -1 or another type's modifier on record). */
    public static boolean isCompositeTypmod(int typmod) {
        return typmod >= FIRST_USER_OID;
    }

    public int fieldIndex(String field) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    public TypeDef withName(String newName) {
        return new TypeDef(id, newName, fields);
    }

    public TypeDef withId(long newId) {
        return new TypeDef(newId, name, fields);
    }
}
