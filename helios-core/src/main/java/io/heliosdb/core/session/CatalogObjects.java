package io.heliosdb.core.session;

import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Map;

/**
 * What the pg_catalog and information_schema views describe: the tables and indexes one statement
 * sees, the roles, and the session's settings. Also the one place where OIDs are derived: a table's
 * (and index's) OID follows from its kernel id, which is never reused, so OIDs are stable across
 * restarts without being stored.
 *
 * @param settings the session's settings by name
 */
record CatalogObjects(List<TableDef> tables, List<StoredIndex> indexes, List<RoleInfo> roles, String database,
                      String currentUser, int backendPid, Map<String, String> settings,
                      List<io.heliosdb.sql.schema.ViewDef> views, Map<String, String> comments,
                      List<io.heliosdb.sql.schema.SequenceDef> sequences, List<io.heliosdb.sql.schema.SchemaDef> schemas,
                      List<io.heliosdb.sql.schema.TypeDef> types) {
    /** pg_class's and pg_namespace's own OIDs, the classoid of pg_description rows. */
    static final int PG_CLASS_OID = 1259;
    static final int PG_NAMESPACE_OID = 2615;

    CatalogObjects(List<TableDef> tables, List<StoredIndex> indexes, List<RoleInfo> roles, String database,
                   String currentUser, int backendPid, Map<String, String> settings,
                   List<io.heliosdb.sql.schema.ViewDef> views, Map<String, String> comments,
                   List<io.heliosdb.sql.schema.SequenceDef> sequences, List<io.heliosdb.sql.schema.SchemaDef> schemas) {
        this(tables, indexes, roles, database, currentUser, backendPid, settings, views, comments, sequences, schemas,
                List.of());
    }

    CatalogObjects(List<TableDef> tables, List<StoredIndex> indexes, List<RoleInfo> roles, String database,
                   String currentUser, int backendPid, Map<String, String> settings) {
        this(tables, indexes, roles, database, currentUser, backendPid, settings, List.of(), Map.of(), List.of(), List.of());
    }

    CatalogObjects(List<TableDef> tables, List<StoredIndex> indexes, List<RoleInfo> roles, String database,
                   String currentUser, int backendPid, Map<String, String> settings,
                   List<io.heliosdb.sql.schema.ViewDef> views, Map<String, String> comments) {
        this(tables, indexes, roles, database, currentUser, backendPid, settings, views, comments, List.of(), List.of());
    }

    /** PostgreSQL's first OID for user objects; everything below is built in. */
    static final int FIRST_USER_OID = 16_384;
    static final int PG_CATALOG = 11;
    static final int PUBLIC = 2200;
    static final int INFORMATION_SCHEMA = 13_000;
    static final int DATABASE_OID = 16_383;
    static final int HEAP_AM = 2;
    static final int BTREE_AM = 403;

    /** A role as the views show it. */
    record RoleInfo(int oid, String name, boolean superuser, boolean createRole, boolean createDb, boolean login,
                    String verifier, int connectionLimit, java.time.OffsetDateTime validUntil, List<String> memberOf,
                    boolean inherit) {
        RoleInfo(int oid, String name, boolean superuser, boolean createRole, boolean createDb, boolean login,
                 String verifier, int connectionLimit, java.time.OffsetDateTime validUntil, List<String> memberOf) {
            this(oid, name, superuser, createRole, createDb, login, verifier, connectionLimit, validUntil, memberOf, true);
        }

        static RoleInfo of(io.heliosdb.sql.schema.RoleDef r) {
            return new RoleInfo(roleOid(r), r.name(), r.superuser(), r.createRole(), r.createDb(), r.canLogin(),
                    r.password(), r.connectionLimit(), r.validUntil(), r.memberOf(), r.inherit());
        }
    }

    /** The bootstrap superuser is OID 10, as in PostgreSQL; other roles take OIDs from their kernel ids, like tables. */
    static int roleOid(io.heliosdb.sql.schema.RoleDef role) {
        return role.bootstrap() ? 10 : FIRST_USER_OID + 3 * (int) role.id();
    }

    static int tableOid(TableDef table) {
        return FIRST_USER_OID + 3 * (int) table.id();
    }

    /** The primary key has no index of its own in the kernel; the views show one, named {@code t_pkey}. */
    static int primaryKeyIndexOid(TableDef table) {
        return tableOid(table) + 1;
    }

    static int primaryKeyConstraintOid(TableDef table) {
        return tableOid(table) + 2;
    }

    /** Views take their OIDs from the same id sequence as tables. */
    static int viewOid(io.heliosdb.sql.schema.ViewDef view) {
        return FIRST_USER_OID + 3 * (int) view.id();
    }

    /** The OID of the relation with this kernel id. */
    static int relationOid(long id) {
        return FIRST_USER_OID + 3 * (int) id;
    }

    /** Sequences take their OIDs from the same id sequence as tables. */
    static int sequenceOid(io.heliosdb.sql.schema.SequenceDef sequence) {
        return FIRST_USER_OID + 3 * (int) sequence.id();
    }

    /**
     * UNIQUE constraints use the spare OID after their index's; CHECK and FOREIGN KEY constraints have no
     * kernel id, so theirs come from a range above every table OID, by table id and place in its list.
     */
    static int constraintOid(TableDef table, io.heliosdb.sql.schema.ConstraintDef constraint, List<StoredIndex> indexes) {
        if (constraint instanceof io.heliosdb.sql.schema.ConstraintDef.Unique u) {
            for (StoredIndex i : indexes) {
                if (i.tableId() == table.id() && i.name().equals(u.name())) {
                    return indexOid(i) + 2;
                }
            }
        }
        return 1_000_000_000 + 1_000 * (int) table.id() + table.constraints().indexOf(constraint);
    }

    static int indexOid(StoredIndex index) {
        return FIRST_USER_OID + 3 * (int) index.id();
    }

    /** The OID of the schema a catalog name (see QualifiedNames) belongs to. */
    int namespaceOid(String catalogName) {
        String schema = io.heliosdb.sql.schema.QualifiedNames.schemaOf(catalogName);
        for (io.heliosdb.sql.schema.SchemaDef s : schemas) {
            if (s.name().equals(schema)) {
                return schemaOid(s);
            }
        }
        return PUBLIC;
    }

    /** Schemas take their OIDs from the same id sequence as tables. */
    static int schemaOid(io.heliosdb.sql.schema.SchemaDef schema) {
        return FIRST_USER_OID + 3 * (int) schema.id();
    }

    /** The composite type whose values have this type OID (their typmod), or null. */
    io.heliosdb.sql.schema.TypeDef compositeType(int oid) {
        for (io.heliosdb.sql.schema.TypeDef t : types) {
            if (t.oid() == oid) {
                return t;
            }
        }
        return null;
    }

    /** A column's pg_type OID: a composite type's own for its values, else its SQL type's. */
    static int typeOid(io.heliosdb.sql.schema.ColumnDef column) {
        return io.heliosdb.sql.schema.TypeDef.isCompositeTypmod(column.typmod()) && column.type() == io.heliosdb.api.SqlType.RECORD
                ? column.typmod() : column.type().oid();
    }

    /** A column's atttypmod: -1 for a composite type (whose OID the typmod carries inside the kernel). */
    static int typmod(io.heliosdb.sql.schema.ColumnDef column) {
        return typeOid(column) == column.type().oid() ? column.typmod() : -1;
    }

    static String primaryKeyName(TableDef table) {
        return table.name() + "_pkey";
    }

    TableDef tableById(long id) {
        for (TableDef t : tables) {
            if (t.id() == id) {
                return t;
            }
        }
        return null;
    }

    /** The schemas of the session's search_path that exist, in order. */
    List<String> searchPath() {
        return SearchPath.of(settings.get("search_path"), currentUser,
                name -> name.equals("public") || schemas.stream().anyMatch(s -> s.name().equals(name))).schemas();
    }

    /** A relation name as regclass output shows it: qualified only when its schema is not on search_path. */
    String regclassText(String catalogName) {
        String schema = io.heliosdb.sql.schema.QualifiedNames.schemaOf(catalogName);
        String local = PgClassRows.quote(io.heliosdb.sql.schema.QualifiedNames.localName(catalogName));
        return searchPath().contains(schema) ? local : PgClassRows.quote(schema) + "." + local;
    }

    /** A column's DEFAULT as pg_get_expr shows it, or null. */
    String defaultText(io.heliosdb.sql.schema.ColumnDef column) {
        return io.heliosdb.sql.schema.ColumnDefaults.display(column, this::regclassText);
    }

    /** Every object belongs to the bootstrap superuser, as objects created by it do in PostgreSQL. */
    int ownerOid() {
        return 10;
    }
}
