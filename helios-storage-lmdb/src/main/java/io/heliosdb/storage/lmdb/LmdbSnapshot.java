package io.heliosdb.storage.lmdb;

import org.lmdbjava.Txn;

/**
 * A read transaction that stays open across calls: the snapshot behind a read view or a scan.
 * With MDB_NOTLS it may move between threads, but LMDB (and lmdbjava's per-transaction buffers)
 * forbid two threads using it at once, so every use synchronizes on this object.
 */
final class LmdbSnapshot implements LmdbStorageEngine.Resource {

    private final Txn<byte[]> txn;
    private final long id;
    private boolean released;

    LmdbSnapshot(Txn<byte[]> txn) {
        this.txn = txn;
        this.id = txn.getId();
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
            txn.close(); // aborts: a read transaction has nothing to commit
        }
    }
}
