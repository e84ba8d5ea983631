package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.catalog.SequenceDefCodec;
import io.heliosdb.sql.schema.SequenceDef;
import io.heliosdb.spi.KvCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sequence definitions inside one statement of a transaction: catalog entries written through the
 * transaction's overlay like table definitions, so CREATE and DROP SEQUENCE commit or roll back with it.
 * Their values live in {@link SequenceCounters}, outside any transaction.
 */
public final class SequenceCatalog {
    private final TransactionalStore store;
    private final Transaction transaction;
    private final StatementReads reads;

    SequenceCatalog(TransactionalStore store, Transaction transaction, StatementReads reads) {
        this.store = store;
        this.transaction = transaction;
        this.reads = reads;
    }

    public Optional<SequenceDef> sequence(String name) {
        byte[] stored = reads.reader().get(CatalogKeys.CATALOG, CatalogKeys.sequenceKey(name));
        return stored == null ? Optional.empty() : Optional.of(SequenceDefCodec.decode(stored));
    }

    /** Every sequence, by name. */
    public List<SequenceDef> all() {
        List<SequenceDef> all = new ArrayList<>();
        try (KvCursor c = reads.reader().scan(CatalogKeys.CATALOG, CatalogKeys.sequencesFrom(),
                CatalogKeys.sequencesTo(), false)) {
            while (c.next()) {
                all.add(SequenceDefCodec.decode(c.value()));
            }
        }
        return all;
    }

    public List<SequenceDef> ownedBy(String table) {
        return all().stream().filter(s -> table.equals(s.ownerTable())).toList();
    }


    public SequenceDef create(SequenceDef definition) {
        byte[] key = CatalogKeys.sequenceKey(definition.name());
        byte[] newest = store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
        if (sequence(definition.name()).isPresent()
                || newest != null && !VersionLayout.isDeleted(newest) && transaction.overlay().lookup(CatalogKeys.CATALOG, key) == null) {
            throw new HeliosException(SqlState.DUPLICATE_TABLE, "relation \"" + definition.name() + "\" already exists");
        }
        SequenceDef created = definition.withId(store.nextTableId());
        transaction.overlay().put(CatalogKeys.CATALOG, key, SequenceDefCodec.encode(created));
        return created;
    }

    public void replace(SequenceDef definition) {
        byte[] key = CatalogKeys.sequenceKey(definition.name());
        store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
        transaction.overlay().put(CatalogKeys.CATALOG, key, SequenceDefCodec.encode(definition));
    }

    public void drop(SequenceDef definition) {
        byte[] key = CatalogKeys.sequenceKey(definition.name());
        store.lockForWrite(transaction, CatalogKeys.CATALOG, key, reads.snapshotTs());
        transaction.overlay().delete(CatalogKeys.CATALOG, key);
        // Its stored counter goes in the same commit (and stays if the DROP rolls back): see SequenceCounters.dropped.
        transaction.overlay().delete(TransactionalStore.META, SequenceCounters.counterKey(definition.id()));
    }
}
