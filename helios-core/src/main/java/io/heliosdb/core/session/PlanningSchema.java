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

    PlanningSchema(Catalog.Snapshot committed, Transaction transaction, SystemViews views) {
        this.committed = committed;
        this.transaction = transaction;
        this.views = views;
    }

    @Override
    public Optional<TableDef> table(String name) {
        Optional<TableDef> stored = transaction != null ? transaction.table(committed, name) : committed.table(name);
        return stored.isPresent() || views == null ? stored : views.table(name);
    }

    @Override
    public Optional<io.heliosdb.sql.schema.ViewDef> view(String name) {
        String key = io.heliosdb.core.catalog.ObjectDefCodec.viewKey(name);
        return StoredViews.view(transaction != null ? transaction.object(committed, key) : committed.object(key));
    }

    @Override
    public List<io.heliosdb.sql.schema.ViewDef> views() {
        return StoredViews.views(transaction != null ? transaction.objects(committed) : committed.objects());
    }

    @Override
    public Optional<IndexDef> index(String name) {
        Optional<StoredIndex> stored = transaction != null ? transaction.index(committed, name) : committed.index(name);
        return stored.map(StoredIndex::definition);
    }

    @Override
    public List<IndexDef> indexes(String table) {
        Optional<TableDef> def = transaction != null ? transaction.table(committed, table) : committed.table(table);
        if (def.isEmpty()) {
            return List.of();
        }
        List<StoredIndex> stored = transaction != null ? transaction.indexes(committed, def.get())
                : committed.indexes().values().stream().filter(i -> i.tableId() == def.get().id()).toList();
        return stored.stream().map(StoredIndex::definition).toList();
    }
}
