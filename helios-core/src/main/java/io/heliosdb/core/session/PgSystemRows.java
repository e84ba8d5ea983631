package io.heliosdb.core.session;

import io.heliosdb.core.session.CatalogObjects.RoleInfo;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows of the cluster-wide catalogs: databases, roles, settings, access methods, tablespaces, collations. */
final class PgSystemRows {
    private static final String HIDDEN_PASSWORD = "********";

    private PgSystemRows() {
    }

    /** A catalog of a feature HeliosDB does not have (inheritance, policies, publications, ...): no rows. */
    static List<Object[]> none(TableDef view, CatalogObjects o) {
        return List.of();
    }

    static List<Object[]> databases(TableDef view, CatalogObjects o) {
        return List.<Object[]>of(new ViewRow(view).set("oid", CatalogObjects.DATABASE_OID).set("datname", o.database())
                .set("datdba", o.ownerOid()).set("encoding", 6).set("datlocprovider", "c").set("datallowconn", true)
                .set("datconnlimit", -1).set("dattablespace", 1663).set("datcollate", "C.UTF-8")
                .set("datctype", "C.UTF-8").values());
    }

    /** pg_roles and pg_authid; only pg_authid shows the SCRAM verifier, pg_roles always shows asterisks, as PostgreSQL does. */
    static List<Object[]> roles(TableDef view, CatalogObjects o) {
        boolean authid = view.name().equals("pg_authid");
        List<Object[]> rows = new ArrayList<>();
        for (RoleInfo r : o.roles()) {
            String password = authid ? r.verifier() : HIDDEN_PASSWORD;
            rows.add(new ViewRow(view).set("rolname", r.name()).set("rolsuper", r.superuser()).set("rolinherit", r.inherit())
                    .set("rolcreaterole", r.createRole()).set("rolcreatedb", r.createDb()).set("rolcanlogin", r.login())
                    .set("rolreplication", r.superuser()).set("rolconnlimit", r.connectionLimit())
                    .set("rolvaliduntil", r.validUntil()).set("rolpassword", password)
                    .set("rolbypassrls", r.superuser()).set("oid", r.oid()).values());
        }
        return rows;
    }

    /** pg_auth_members: one row per (group, member); the bootstrap superuser granted each membership. */
    static List<Object[]> members(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (RoleInfo member : o.roles()) {
            for (String group : member.memberOf()) {
                o.roles().stream().filter(g -> g.name().equals(group)).findFirst().ifPresent(g -> rows.add(
                        new ViewRow(view).set("roleid", g.oid()).set("member", member.oid()).set("grantor", 10)
                                .set("admin_option", false).values()));
            }
        }
        return rows;
    }

    static List<Object[]> users(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        for (RoleInfo r : o.roles()) {
            if (r.login()) {
                rows.add(new ViewRow(view).set("usename", r.name()).set("usesysid", r.oid())
                        .set("usecreatedb", r.createDb()).set("usesuper", r.superuser()).set("userepl", r.superuser())
                        .set("usebypassrls", r.superuser()).set("passwd", HIDDEN_PASSWORD)
                        .set("valuntil", r.validUntil()).values());
            }
        }
        return rows;
    }

    /** Compile-time limits PostgreSQL reports as read-only settings (pgJDBC reads max_index_keys). */
    private static final Map<String, String> FIXED_SETTINGS = Map.of("max_index_keys", "32",
            "max_identifier_length", "63", "max_function_args", "100", "block_size", "8192",
            "segment_size", "131072", "wal_block_size", "8192", "data_checksums", "off");

    static List<Object[]> settings(TableDef view, CatalogObjects o) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, String> all = new java.util.TreeMap<>(FIXED_SETTINGS);
        all.putAll(o.settings());
        for (Map.Entry<String, String> e : all.entrySet()) {
            // A time setting shows its number of milliseconds here, as PostgreSQL's pg_settings does.
            boolean ms = DurationSettings.isDuration(e.getKey().toLowerCase(java.util.Locale.ROOT));
            String setting = ms ? String.valueOf(DurationSettings.millis(e.getKey(), e.getValue())) : e.getValue();
            rows.add(new ViewRow(view).set("name", e.getKey()).set("setting", setting).set("unit", ms ? "ms" : null)
                    .set("context", "user").set("vartype", ms ? "integer" : "string").set("source", "default")
                    .set("boot_val", ms ? "0" : e.getValue()).set("reset_val", ms ? "0" : e.getValue()).values());
        }
        return rows;
    }

    static List<Object[]> accessMethods(TableDef view, CatalogObjects o) {
        return List.of(new Object[] {CatalogObjects.HEAP_AM, "heap", "heap_tableam_handler", "t"},
                new Object[] {CatalogObjects.BTREE_AM, "btree", "bthandler", "i"},
                new Object[] {405, "hash", "hashhandler", "i"});
    }

    static List<Object[]> tablespaces(TableDef view, CatalogObjects o) {
        return List.of(new Object[] {1663, "pg_default", 10, null, null}, new Object[] {1664, "pg_global", 10, null, null});
    }

    static List<Object[]> collations(TableDef view, CatalogObjects o) {
        return List.of(collation(view, 100, "default", "d"), collation(view, 950, "C", "c"),
                collation(view, 951, "POSIX", "c"));
    }

    private static Object[] collation(TableDef view, int oid, String name, String provider) {
        return new ViewRow(view).set("oid", oid).set("collname", name).set("collnamespace", CatalogObjects.PG_CATALOG)
                .set("collowner", 10).set("collprovider", provider).set("collisdeterministic", true)
                .set("collencoding", -1).set("collcollate", provider.equals("c") ? name : null)
                .set("collctype", provider.equals("c") ? name : null).values();
    }
}
