package io.heliosdb.core.session;

import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.session.CatalogObjects.RoleInfo;
import io.heliosdb.sql.SystemCatalog;
import io.heliosdb.sql.schema.TableDef;
import java.util.Map;
import java.util.function.Supplier;

/** The system-information functions' view of the kernel: the same objects and OIDs the catalog views show. */
final class KernelSystemCatalog implements SystemCatalog {
    private final Supplier<CatalogObjects> objects;
    private final io.heliosdb.core.txn.RelationSizes sizes;
    private CatalogObjects cached;

    KernelSystemCatalog(Supplier<CatalogObjects> objects) {
        this(objects, null);
    }

    /** {@code sizes} measures relations for pg_relation_size and friends (null: every size is 0). */
    KernelSystemCatalog(Supplier<CatalogObjects> objects, io.heliosdb.core.txn.RelationSizes sizes) {
        this.objects = objects;
        this.sizes = sizes;
    }

    @Override
    public long relationSize(int oid) {
        if (sizes == null) {
            return 0;
        }
        CatalogObjects o = objects();
        for (TableDef t : o.tables()) {
            if (CatalogObjects.tableOid(t) == oid) {
                return sizes.table(t);
            }
        }
        for (StoredIndex i : o.indexes()) {
            if (CatalogObjects.indexOid(i) == oid) {
                return sizes.index(i);
            }
        }
        return 0;
    }

    @Override
    public long indexesSize(int tableOid) {
        if (sizes == null) {
            return 0;
        }
        long total = 0;
        CatalogObjects o = objects();
        for (StoredIndex i : o.indexes()) {
            TableDef t = o.tableById(i.tableId());
            if (t != null && CatalogObjects.tableOid(t) == tableOid) {
                total += sizes.index(i);
            }
        }
        return total;
    }

    /** Computed once per statement, at the first call. */
    private CatalogObjects objects() {
        if (cached == null) {
            cached = objects.get();
        }
        return cached;
    }

    @Override
    public String relationSchema(int oid) {
        CatalogObjects o = objects();
        for (TableDef t : o.tables()) {
            if (CatalogObjects.tableOid(t) == oid || CatalogObjects.primaryKeyIndexOid(t) == oid) {
                return io.heliosdb.sql.schema.QualifiedNames.schemaOf(t.name());
            }
        }
        for (StoredIndex i : o.indexes()) {
            if (CatalogObjects.indexOid(i) == oid) {
                return io.heliosdb.sql.schema.QualifiedNames.schemaOf(i.name());
            }
        }
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            if (CatalogObjects.viewOid(v) == oid) {
                return io.heliosdb.sql.schema.QualifiedNames.schemaOf(v.name());
            }
        }
        for (Map.Entry<String, Integer> e : PgCatalogViews.viewOids().entrySet()) {
            if (e.getValue() == oid) {
                return e.getKey().startsWith("information_schema.") ? "information_schema" : "pg_catalog";
            }
        }
        return null;
    }

    @Override
    public Integer relationOid(String name) {
        CatalogObjects o = objects();
        for (TableDef t : o.tables()) {
            if (t.name().equals(name)) {
                return CatalogObjects.tableOid(t);
            }
            if (t.hasPrimaryKey() && CatalogObjects.primaryKeyName(t).equals(name)) {
                return CatalogObjects.primaryKeyIndexOid(t);
            }
        }
        for (StoredIndex i : o.indexes()) {
            if (i.name().equals(name)) {
                return CatalogObjects.indexOid(i);
            }
        }
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            if (v.name().equals(name)) {
                return CatalogObjects.viewOid(v);
            }
        }
        for (io.heliosdb.sql.schema.SequenceDef s : o.sequences()) {
            if (s.name().equals(name)) {
                return CatalogObjects.sequenceOid(s);
            }
        }
        for (Map.Entry<String, Integer> e : PgCatalogViews.viewOids().entrySet()) {
            if (e.getKey().equals(name) || e.getKey().equals("information_schema." + name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public String relationName(int oid) {
        CatalogObjects o = objects();
        for (TableDef t : o.tables()) {
            if (CatalogObjects.tableOid(t) == oid) {
                return t.name();
            }
            if (t.hasPrimaryKey() && CatalogObjects.primaryKeyIndexOid(t) == oid) {
                return CatalogObjects.primaryKeyName(t);
            }
        }
        for (StoredIndex i : o.indexes()) {
            if (CatalogObjects.indexOid(i) == oid) {
                return i.name();
            }
        }
        for (io.heliosdb.sql.schema.ViewDef v : o.views()) {
            if (CatalogObjects.viewOid(v) == oid) {
                return v.name();
            }
        }
        for (io.heliosdb.sql.schema.SequenceDef s : o.sequences()) {
            if (CatalogObjects.sequenceOid(s) == oid) {
                return s.name();
            }
        }
        for (Map.Entry<String, Integer> e : PgCatalogViews.viewOids().entrySet()) {
            if (e.getValue() == oid) {
                return e.getKey().contains(".") ? e.getKey() : "pg_catalog." + e.getKey();
            }
        }
        return null;
    }

    @Override
    public String namespaceName(int oid) {
        for (io.heliosdb.sql.schema.SchemaDef s : objects().schemas()) {
            if (CatalogObjects.schemaOid(s) == oid) {
                return s.name();
            }
        }
        return SystemCatalog.super.namespaceName(oid);
    }

    @Override
    public Integer namespaceOid(String name) {
        for (io.heliosdb.sql.schema.SchemaDef s : objects().schemas()) {
            if (s.name().equals(name)) {
                return CatalogObjects.schemaOid(s);
            }
        }
        return SystemCatalog.super.namespaceOid(name);
    }

    @Override
    public Integer typeOid(String name) {
        return PgTypeRows.oid(name);
    }

    @Override
    public String indexDefinition(int indexOid) {
        return PgClassRows.indexDefinition(objects(), indexOid);
    }

    @Override
    public String constraintDefinition(int constraintOid) {
        return PgClassRows.constraintDefinition(objects(), constraintOid);
    }

    @Override
    public String viewDefinition(int viewOid) {
        return UserObjectRows.viewDefinition(objects(), viewOid);
    }

    @Override
    public String description(int objectOid, String catalog, int subId) {
        int classOid = catalog == null ? 0 : switch (catalog) {
            case "pg_class" -> CatalogObjects.PG_CLASS_OID;
            case "pg_namespace" -> CatalogObjects.PG_NAMESPACE_OID;
            default -> -1;
        };
        return classOid < 0 ? null : UserObjectRows.description(objects(), objectOid, classOid, subId);
    }

    @Override
    public String roleName(int roleOid) {
        for (RoleInfo r : objects().roles()) {
            if (r.oid() == roleOid) {
                return r.name();
            }
        }
        return null;
    }

    @Override
    public Integer roleOid(String name) {
        for (RoleInfo r : objects().roles()) {
            if (r.name().equals(name)) {
                return r.oid();
            }
        }
        return null;
    }

    @Override
    public String databaseName() {
        return objects().database();
    }

    @Override
    public int backendPid() {
        return objects().backendPid();
    }
}
