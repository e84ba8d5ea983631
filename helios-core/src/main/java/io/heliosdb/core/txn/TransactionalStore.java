package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageCapability;
import io.heliosdb.spi.StorageEngine;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transactions over a storage engine: begin, per-statement reads, the writer lock, and commit as
 * one atomic write batch (synced when {@code syncCommits}) followed by publishing catalog changes.
 */
public final class TransactionalStore {
    private final StorageEngine engine;
    private final Catalog catalog;
    private final WriteLock writeLock = new WriteLock();
    private final boolean syncCommits;
    private final boolean readViews;
    private final AtomicLong transactionIds = new AtomicLong();

    public TransactionalStore(StorageEngine engine, boolean syncCommits) {
        this.engine = engine;
        this.syncCommits = syncCommits;
        this.readViews = engine.capabilities().contains(StorageCapability.READ_VIEWS);
        this.catalog = Catalog.load(engine);
    }

    public StorageEngine engine() {
        return engine;
    }

    public Catalog catalog() {
        return catalog;
    }

    public WriteLock writeLock() {
        return writeLock;
    }

    public Transaction begin() {
        return new Transaction(transactionIds.incrementAndGet());
    }

    /** Reads for one statement: a fresh committed view (or the engine itself without read views). */
    public StatementReads openReads(Transaction transaction) {
        if (readViews) {
            ReadView view = engine.readView();
            return new StatementReads(view, view, transaction.overlay());
        }
        return new StatementReads(null, engine, transaction.overlay());
    }

    /** Takes the writer lock for the transaction unless it holds it already. */
    public void acquireWriteLock(Transaction transaction, long timeoutMillis) {
        if (!transaction.holdsWriteLock()) {
            writeLock.acquire(timeoutMillis);
            transaction.markWriteLockHeld(true);
        }
    }

    /** Writes the transaction as one atomic batch, then publishes its catalog changes. */
    public void commit(Transaction transaction) {
        if (transaction.isEnded()) {
            throw new IllegalStateException("transaction " + transaction.id() + " has already ended");
        }
        try {
            if (!transaction.overlay().isEmpty()) {
                if (!transaction.holdsWriteLock()) {
                    throw new IllegalStateException("a transaction with writes must hold the write lock");
                }
                engine.write(transaction.overlay().toWriteBatch(), syncCommits);
            }
            catalog.apply(transaction.pendingTables());
        } finally {
            finish(transaction);
        }
    }

    /** Drops the transaction's writes. */
    public void rollback(Transaction transaction) {
        finish(transaction);
    }

    private void finish(Transaction transaction) {
        if (transaction.isEnded()) {
            return;
        }
        transaction.end();
        if (transaction.holdsWriteLock()) {
            transaction.markWriteLockHeld(false);
            writeLock.release();
        }
    }
}
