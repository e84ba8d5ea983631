package io.heliosdb.core.session;

import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.schema.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows about user views and comments: pg_views, information_schema.views, pg_description. */
final class UserObjectRows {
    private UserObjectRows() {
    }

    static List<Object[]> views(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        String owner = o.roles().isEmpty() ? o.currentUser() : o.roles().get(0).name();
        for (ViewDef v : o.views()) {
            rows.add(new ViewRow(view).set("schemaname", io.heliosdb.sql.schema.QualifiedNames.schemaOf(v.name())).set("viewname", io.heliosdb.sql.schema.QualifiedNames.localName(v.name())).set("viewowner", owner)
                    .set("definition", definition(v)).values());
        }
        return rows;
    }

    static List<Object[]> informationSchemaViews(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        CatalogViewLookup lookup = new CatalogViewLookup(o);
        for (ViewDef v : o.views()) {
            String updatable = lookup.updatable(v);
            String checkOption = v.checkOption() == null ? "NONE" : v.checkOption().toUpperCase(java.util.Locale.ROOT);
            rows.add(new ViewRow(view).set("table_catalog", o.database()).set("table_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(v.name()))
                    .set("table_name", io.heliosdb.sql.schema.QualifiedNames.localName(v.name())).set("view_definition", definition(v)).set("check_option", checkOption)
                    .set("is_updatable", updatable).set("is_insertable_into", updatable).set("is_trigger_updatable", "NO")
                    .set("is_trigger_deletable", "NO").set("is_trigger_insertable_into", "NO").values());
        }
        return rows;
    }

    /** information_schema.view_table_usage: each table or view a view reads directly. */
    static List<Object[]> viewTableUsage(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (ViewDef v : o.views()) {
            for (String used : new java.util.LinkedHashSet<>(v.dependsOn())) {
                rows.add(new ViewRow(view).set("view_catalog", o.database())
                        .set("view_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(v.name()))
                        .set("view_name", io.heliosdb.sql.schema.QualifiedNames.localName(v.name()))
                        .set("table_catalog", o.database())
                        .set("table_schema", io.heliosdb.sql.schema.QualifiedNames.schemaOf(used))
                        .set("table_name", io.heliosdb.sql.schema.QualifiedNames.localName(used)).values());
            }
        }
        return rows;
    }

    /**
     * What pg_get_viewdef shows: the query as written (PostgreSQL prints its own rendering of the parsed
     * query instead), ending in a semicolon as PostgreSQL's does.
     */
    static String definition(ViewDef v) {
        return " " + v.writtenQuery().strip() + ";";
    }

    static String viewDefinition(CatalogObjects o, int oid) {
        for (ViewDef v : o.views()) {
            if (CatalogObjects.viewOid(v) == oid) {
                return definition(v);
            }
        }
        return null;
    }

    static List<Object[]> descriptions(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        Map<Long, List<String>> relations = relationColumns(o);
        o.comments().forEach((target, text) -> {
            Object[] row = description(relations, target);
            if (row != null) {
                rows.add(new ViewRow(view).set("objoid", row[0]).set("classoid", row[1]).set("objsubid", row[2])
                        .set("description", text).values());
            }
        });
        return rows;
    }

    /** The comment on an object as obj_description / col_description find it, or null. */
    static String description(CatalogObjects o, int objoid, int classoid, int subid) {
        Map<Long, List<String>> relations = relationColumns(o);
        for (Map.Entry<String, String> e : o.comments().entrySet()) {
            Object[] row = description(relations, e.getKey());
            if (row != null && (Integer) row[0] == objoid && (classoid == 0 || (Integer) row[1] == classoid)
                    && (Integer) row[2] == subid) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {objoid, classoid, objsubid} of a comment target that still exists, else null. */
    private static Object[] description(Map<Long, List<String>> relations, String target) {
        String[] parts = target.split(":", 3);
        switch (parts[0]) {
            case "r", "c" -> {
                long id = Long.parseLong(parts[1]);
                List<String> columns = relations.get(id);
                if (columns == null) {
                    return null;
                }
                int sub = parts[0].equals("r") ? 0 : columns.indexOf(parts[2]) + 1;
                return sub < 0 || parts[0].equals("c") && sub == 0 ? null
                        : new Object[] {CatalogObjects.relationOid(id), CatalogObjects.PG_CLASS_OID, sub};
            }
            case "n" -> {
                Integer oid = SchemaOids.oid(parts[1]);
                return oid == null ? null : new Object[] {oid, CatalogObjects.PG_NAMESPACE_OID, 0};
            }
            default -> {
                return null;
            }
        }
    }

    /** The column names of every table and view by kernel id. */
    private static Map<Long, List<String>> relationColumns(CatalogObjects o) {
        Map<Long, List<String>> out = new HashMap<>();
        o.tables().forEach(t -> out.put(t.id(), t.columns().stream().map(c -> c.name()).toList()));
        o.views().forEach(v -> out.put(v.id(), v.columns().stream().map(c -> c.name()).toList()));
        return out;
    }
}
