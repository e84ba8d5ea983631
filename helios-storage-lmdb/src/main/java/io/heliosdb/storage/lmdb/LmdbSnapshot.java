package io.heliosdb.storage.lmdb;

import java.util.function.Consumer;
import org.lmdbjava.Txn;

/**
 * A read transaction that stays open across calls: the snapshot behind a read view or a scan.
 * With MDB_NOTLS it may move between threads, but LMDB (and lmdbjava's per-transaction buffers)
 * forbid two threads using it at once, so every use synchronizes on this object. Releasing ends the
 * transaction as its owner says: closing it, or resetting it into the engine's {@link ReadTxnPool}.
 */
final class LmdbSnapshot implements LmdbStorageEngine.Resource {

    private final Txn<byte[]> txn;
    private final long id;
    private final Consumer<Txn<byte[]>> end;
    private boolean released;

    /** {@code end}: what releasing does with the transaction (close it, or return it to a pool). */
    LmdbSnapshot(Txn<byte[]> txn, Consumer<Txn<byte[]>> end) {
        this.txn = txn;
        this.id = txn.getId();
        this.end = end;
    }

    Txn<byte[]> txn() {
        return txn;
    }

    long id() {
        return id;
    }

    /** Fails if released; callers hold this object's monitor. */
    void checkOpen(String what) {
        if (released) {
            throw LmdbStorageEngine.closedError(what);
        }
    }

    @Override
    public synchronized void release() {
        if (!released) {
            released = true;
            end.accept(txn);
        }
    }
}
