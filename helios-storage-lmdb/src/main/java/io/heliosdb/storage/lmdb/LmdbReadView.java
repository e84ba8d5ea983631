package io.heliosdb.storage.lmdb;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;

/** A read view: one LMDB read transaction held open until close, shared by the view's cursors. */
final class LmdbReadView implements ReadView, LmdbStorageEngine.Resource {

    private final LmdbStorageEngine engine;
    private final LmdbSnapshot snapshot;

    LmdbReadView(LmdbStorageEngine engine, LmdbSnapshot snapshot) {
        this.engine = engine;
        this.snapshot = snapshot;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return engine.read(() -> {
            synchronized (snapshot) {
                snapshot.checkOpen("read view");
                return engine.get(snapshot.txn(), snapshot.id(), keyspace, key);
            }
        });
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return engine.read(() -> {
            synchronized (snapshot) {
                snapshot.checkOpen("read view");
            }
            return engine.newCursor(snapshot, false, keyspace, from, to, reverse);
        });
    }

    @Override
    public void close() {
        engine.untrack(this);
        engine.ifOpen(this::release);
    }

    @Override
    public void release() {
        snapshot.release();
    }
}
