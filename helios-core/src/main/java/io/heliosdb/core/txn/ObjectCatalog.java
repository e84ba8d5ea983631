package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.ObjectDefCodec;
import java.util.Map;
import java.util.Optional;

/**
 * Views, schemas and comments inside one statement of a transaction: catalog entries written through the
 * transaction's overlay like table definitions, so their DDL commits or rolls back with it, and published
 * with the catalog so that plans made against them are remade when they change.
 */
public final class ObjectCatalog {
    private final TransactionalStore store;
    private final Transaction transaction;
    private final StatementReads reads;

    ObjectCatalog(TransactionalStore store, Transaction transaction, StatementReads reads) {
        this.store = store;
        this.transaction = transaction;
        this.reads = reads;
    }

    public Optional<Object> get(String key) {
        return transaction.object(reads.catalog(), key);
    }

    public Map<String, Object> all() {
        return transaction.objects(reads.catalog());
    }

    /** Stores (object) or removes (null) the entry; locks its key until the transaction ends. */
    public void put(String key, Object object) {
        byte[] stored = CatalogKeys.objectKey(key);
        store.lockForWrite(transaction, CatalogKeys.CATALOG, stored, reads.snapshotTs());
        if (object == null) {
            transaction.overlay().delete(CatalogKeys.CATALOG, stored);
        } else {
            transaction.overlay().put(CatalogKeys.CATALOG, stored, ObjectDefCodec.encode(object));
        }
        transaction.recordObjectChange(key, object);
    }

    public long nextId() {
        return store.nextTableId();
    }
}
