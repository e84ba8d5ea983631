package io.heliosdb.core.session;

import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.core.catalog.StoredIndex;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;
import java.util.Optional;

/**
 * The catalog a statement is planned against: the committed snapshot, the session transaction's
 * own DDL over it (when there is a transaction), and the system views behind both.
 */
final class PlanningSchema implements SchemaLookup {
    private final Catalog.Snapshot committed;
    private final Transaction transaction;
    private final SystemViews views;
    private final SearchPath searchPath;

    PlanningSchema(Catalog.Snapshot committed, Transaction transaction, SystemViews views) {
        this(committed, transaction, views, null, null);
    }

    /** With the session's search_path setting and user, for resolving unqualified names. */
    PlanningSchema(Catalog.Snapshot committed, Transaction transaction, SystemViews views, String searchPath,
                   String user) {
        this.committed = committed;
        this.transaction = transaction;
        this.views = views;
        this.searchPath = SearchPath.of(searchPath == null ? "public" : searchPath, user, this::schemaExists);
    }

    @Override
    public Optional<TableDef> table(String name) {
        Optional<TableDef> stored = searchPath.resolve(name,
                n -> transaction != null ? transaction.table(committed, n) : committed.table(n));
        return stored.isPresent() || views == null ? stored : views.table(name);
    }

    @Override
    public Optional<io.heliosdb.sql.schema.ViewDef> view(String name) {
        return searchPath.resolve(name, n -> StoredViews.view(object(io.heliosdb.core.catalog.ObjectDefCodec.viewKey(n))));
    }

    private Optional<Object> object(String key) {
        return transaction != null ? transaction.object(committed, key) : committed.object(key);
    }

    @Override
    public Optional<io.heliosdb.sql.schema.SchemaDef> schema(String name) {
        return StoredViews.schema(object(io.heliosdb.core.catalog.ObjectDefCodec.schemaKey(name)));
    }

    @Override
    public List<io.heliosdb.sql.schema.SchemaDef> schemas() {
        return StoredViews.schemas(transaction != null ? transaction.objects(committed) : committed.objects());
    }

    @Override
    public Optional<io.heliosdb.sql.schema.TypeDef> compositeType(String name) {
        return searchPath.resolve(name, n -> StoredViews.type(object(io.heliosdb.core.catalog.ObjectDefCodec.typeKey(n))));
    }

    @Override
    public List<io.heliosdb.sql.schema.TypeDef> compositeTypes() {
        return StoredViews.types(transaction != null ? transaction.objects(committed) : committed.objects());
    }

    @Override
    public String creationName(String name) {
        return searchPath.creationName(name);
    }

    @Override
    public List<io.heliosdb.sql.schema.ViewDef> views() {
        return StoredViews.views(transaction != null ? transaction.objects(committed) : committed.objects());
    }

    @Override
    public Optional<IndexDef> index(String name) {
        Optional<StoredIndex> stored = searchPath.resolve(name,
                n -> transaction != null ? transaction.index(committed, n) : committed.index(n));
        return stored.map(StoredIndex::definition);
    }

    @Override
    public List<IndexDef> accessPaths(TableDef table) {
        IndexDef key = io.heliosdb.sql.schema.PrimaryKeyIndex.of(table);
        List<IndexDef> indexes = indexes(table.name());
        if (key == null || table.id() <= 0) {
            return indexes;
        }
        List<IndexDef> all = new java.util.ArrayList<>(indexes.size() + 1);
        all.add(key);
        all.addAll(indexes);
        return all;
    }

    @Override
    public List<IndexDef> indexes(String table) {
        Optional<TableDef> def = searchPath.resolve(table,
                n -> transaction != null ? transaction.table(committed, n) : committed.table(n));
        if (def.isEmpty()) {
            return List.of();
        }
        List<StoredIndex> stored = transaction != null ? transaction.indexes(committed, def.get())
                : committed.indexes().values().stream().filter(i -> i.tableId() == def.get().id()).toList();
        return stored.stream().map(StoredIndex::definition).toList();
    }
}
