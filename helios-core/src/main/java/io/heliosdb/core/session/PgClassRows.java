package io.heliosdb.core.session;

import static io.heliosdb.core.session.CatalogObjects.INFORMATION_SCHEMA;
import static io.heliosdb.core.session.CatalogObjects.PG_CATALOG;
import static io.heliosdb.core.session.CatalogObjects.PUBLIC;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.SequenceDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Rows of the relation catalogs: pg_namespace, pg_class, pg_attribute, pg_index, pg_constraint, pg_attrdef. */
final class PgClassRows {
    private PgClassRows() {
    }

    static List<Object[]> namespaces(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {PG_CATALOG, "pg_catalog", 10, null});
        rows.add(new Object[] {PUBLIC, "public", o.ownerOid(), null});
        rows.add(new Object[] {INFORMATION_SCHEMA, "information_schema", 10, null});
        for (io.heliosdb.sql.schema.SchemaDef s : o.schemas()) {
            int owner = o.roles().stream().filter(r -> r.name().equals(s.owner())).mapToInt(CatalogObjects.RoleInfo::oid)
                    .findFirst().orElse(o.ownerOid());
            rows.add(new Object[] {CatalogObjects.schemaOid(s), s.name(), owner, null});
        }
        return rows;
    }

    static List<Object[]> classes(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            boolean hasIndex = t.hasPrimaryKey() || o.indexes().stream().anyMatch(i -> i.tableId() == t.id());
            rows.add(relation(view, o, CatalogObjects.tableOid(t), local(t.name()), o.namespaceOid(t.name()), "r", t.columns().size())
                    .set("relam", CatalogObjects.HEAP_AM).set("relhasindex", hasIndex).set("reltuples", -1f)
                    .set("relchecks", PgConstraintRows.checks(t))
                    .set("relhastriggers", PgConstraintRows.hasForeignKeyTriggers(o, t)).values());
            if (t.hasPrimaryKey()) {
                rows.add(index(view, o, CatalogObjects.primaryKeyIndexOid(t), local(CatalogObjects.primaryKeyName(t)),
                        o.namespaceOid(t.name()),
                        t.primaryKey().size()));
            }
        }
        for (StoredIndex i : o.indexes()) {
            rows.add(index(view, o, CatalogObjects.indexOid(i), local(i.name()), o.namespaceOid(i.name()),
                    i.definition().columns().size()));
        }
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            rows.add(relation(view, o, CatalogObjects.viewOid(v), local(v.name()), o.namespaceOid(v.name()), "v", v.columns().size())
                    .set("relhasrules", true)
                    .set("reloptions", v.checkOption() == null ? null : List.of("check_option=" + v.checkOption()))
                    .values());
        }
        for (io.heliosdb.sql.schema.TypeDef t : o.types()) {
            rows.add(relation(view, o, t.relationOid(), local(t.name()), o.namespaceOid(t.name()), "c", t.fields().size())
                    .set("reltype", t.oid()).values());
        }
        for (SequenceDef s : o.sequences()) {
            rows.add(relation(view, o, CatalogObjects.sequenceOid(s), local(s.name()), o.namespaceOid(s.name()), "S", 3)
                    .values());
        }
        for (Map.Entry<String, Integer> e : PgCatalogViews.viewOids().entrySet()) {
            String name = e.getKey();
            boolean info = name.startsWith("information_schema.");
            TableDef def = PgCatalogViews.table(name);
            rows.add(relation(view, o, e.getValue(), info ? name.substring(name.indexOf('.') + 1) : name,
                    info ? INFORMATION_SCHEMA : PG_CATALOG, "v", def.columns().size()).set("relowner", 10).values());
        }
        return rows;
    }

    private static ViewRow relation(TableDef view, CatalogObjects o, int oid, String name, int namespace, String kind,
                                    int columns) {
        return new ViewRow(view).set("oid", oid).set("relname", name).set("relnamespace", namespace)
                .set("relowner", o.ownerOid()).set("relfilenode", oid).set("relpersistence", "p").set("relkind", kind)
                .set("relnatts", columns).set("relreplident", kind.equals("r") ? "d" : "n").set("relispopulated", true);
    }

    private static String local(String catalogName) {
        return io.heliosdb.sql.schema.QualifiedNames.localName(catalogName);
    }

    private static Object[] index(TableDef view, CatalogObjects o, int oid, String name, int namespace, int columns) {
        return relation(view, o, oid, name, namespace, "i", columns).set("relam", CatalogObjects.BTREE_AM).values();
    }

    static List<Object[]> attributes(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            int oid = CatalogObjects.tableOid(t);
            for (int c = 0; c < t.columns().size(); c++) {
                ColumnDef col = t.columns().get(c);
                rows.add(attribute(view, oid, c + 1, col).set("attnotnull", col.notNull() || t.primaryKey().contains(c))
                        .set("atthasdef", col.defaultExpression() != null).values());
            }
            if (t.hasPrimaryKey()) {
                indexAttributes(view, rows, CatalogObjects.primaryKeyIndexOid(t), t, t.primaryKey());
            }
        }
        for (StoredIndex i : o.indexes()) {
            TableDef t = o.tableById(i.tableId());
            if (t != null) {
                indexAttributes(view, rows, CatalogObjects.indexOid(i), t, i.definition().columns());
            }
        }
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            for (int c = 0; c < v.columns().size(); c++) {
                rows.add(attribute(view, CatalogObjects.viewOid(v), c + 1, v.columns().get(c)).values());
            }
        }
        for (io.heliosdb.sql.schema.TypeDef t : o.types()) {
            for (int c = 0; c < t.fields().size(); c++) {
                rows.add(attribute(view, t.relationOid(), c + 1, t.fields().get(c)).values());
            }
        }
        for (Map.Entry<String, Integer> e : PgCatalogViews.viewOids().entrySet()) {
            List<ColumnDef> columns = PgCatalogViews.table(e.getKey()).columns();
            for (int c = 0; c < columns.size(); c++) {
                rows.add(attribute(view, e.getValue(), c + 1, columns.get(c)).values());
            }
        }
        return rows;
    }

    private static void indexAttributes(TableDef view, List<Object[]> rows, int indexOid, TableDef t, List<Integer> columns) {
        for (int k = 0; k < columns.size(); k++) {
            rows.add(attribute(view, indexOid, k + 1, t.columns().get(columns.get(k))).values());
        }
    }

    private static ViewRow attribute(TableDef view, int relation, int number, ColumnDef col) {
        SqlType type = col.type();
        return new ViewRow(view).set("attrelid", relation).set("attname", col.name())
                .set("atttypid", CatalogObjects.typeOid(col))
                .set("attstattarget", -1).set("attlen", type.length()).set("attnum", number).set("attcacheoff", -1)
                .set("atttypmod", CatalogObjects.typmod(col)).set("attbyval", type.length() > 0 && type.length() <= 8)
                .set("attalign", type.length() == 8 ? "d" : type.length() == 2 ? "s" : type.length() == 1 ? "c" : "i")
                .set("attstorage", type.length() > 0 ? "p" : "x").set("attcompression", "").set("attidentity", "")
                .set("attgenerated", "").set("attislocal", true)
                .set("attcollation", type.isText() ? 100 : 0);
    }

    static List<Object[]> indexes(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            if (t.hasPrimaryKey()) {
                rows.add(index(view, CatalogObjects.primaryKeyIndexOid(t), CatalogObjects.tableOid(t), t.primaryKey(),
                        null, true, true));
            }
        }
        for (StoredIndex i : o.indexes()) {
            TableDef t = o.tableById(i.tableId());
            if (t != null) {
                rows.add(index(view, CatalogObjects.indexOid(i), CatalogObjects.tableOid(t), i.definition().columns(),
                        i.definition().descending(), i.definition().unique(), false));
            }
        }
        return rows;
    }

    private static Object[] index(TableDef view, int oid, int table, List<Integer> columns, List<Boolean> descending,
                                  boolean unique, boolean primary) {
        List<Short> key = new ArrayList<>();
        List<Short> options = new ArrayList<>();
        List<Integer> zeros = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            key.add((short) (columns.get(k) + 1));
            // indoption bits: 1 = DESC, 2 = NULLS FIRST (the default of DESC).
            options.add((short) (descending != null && descending.get(k) ? 3 : 0));
            zeros.add(0);
        }
        return new ViewRow(view).set("indexrelid", oid).set("indrelid", table).set("indnatts", columns.size())
                .set("indnkeyatts", columns.size()).set("indisunique", unique).set("indisprimary", primary)
                .set("indimmediate", true).set("indisvalid", true).set("indisready", true).set("indislive", true)
                .set("indkey", key).set("indcollation", zeros).set("indclass", zeros).set("indoption", options)
                .values();
    }

    static List<Object[]> sequences(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (SequenceDef s : o.sequences()) {
            rows.add(new Object[] {CatalogObjects.sequenceOid(s), s.type().oid(), s.start(), s.increment(), s.max(),
                s.min(), s.cache(), s.cycle()});
        }
        return rows;
    }

    static List<Object[]> defaults(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDef t : o.tables()) {
            for (int c = 0; c < t.columns().size(); c++) {
                String expression = o.defaultText(t.columns().get(c));
                if (expression != null) {
                    rows.add(new Object[] {0, CatalogObjects.tableOid(t), (short) (c + 1), expression});
                }
            }
        }
        return rows;
    }

    /** {@code CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)}, as pg_get_indexdef prints it. */
    static String indexDefinition(CatalogObjects o, int oid) {
        for (TableDef t : o.tables()) {
            if (t.hasPrimaryKey() && CatalogObjects.primaryKeyIndexOid(t) == oid) {
                return indexDefinition(local(CatalogObjects.primaryKeyName(t)), t, t.primaryKey(), null, true);
            }
        }
        for (StoredIndex i : o.indexes()) {
            TableDef t = o.tableById(i.tableId());
            if (t != null && CatalogObjects.indexOid(i) == oid) {
                return indexDefinition(i.name(), t, i.definition().columns(), i.definition().descending(),
                        i.definition().unique());
            }
        }
        return null;
    }

    private static String indexDefinition(String name, TableDef t, List<Integer> columns, List<Boolean> descending,
                                          boolean unique) {
        StringJoiner keys = new StringJoiner(", ", "(", ")");
        for (int k = 0; k < columns.size(); k++) {
            keys.add(quote(t.columns().get(columns.get(k)).name())
                    + (descending != null && descending.get(k) ? " DESC" : ""));
        }
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(local(name)) + " ON "
                + quote(io.heliosdb.sql.schema.QualifiedNames.schemaOf(t.name())) + "." + quote(local(t.name()))
                + " USING btree " + keys;
    }

    /** pg_get_constraintdef's text for the constraint with this OID, or null. */
    static String constraintDefinition(CatalogObjects o, int oid) {
        return PgConstraintRows.definition(o, oid);
    }

    /** An identifier as PostgreSQL prints it: quoted unless it is a plain lower-case name. */
    static String quote(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
