package io.heliosdb.core.txn;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import io.heliosdb.spi.StorageEngine;

/**
 * A statement's storage read view, taken at its first read rather than when the statement starts:
 * a single-row INSERT or an UPDATE by key reads only under row locks (from the engine itself) and
 * never needs one, and on RocksDB taking and releasing a snapshot costs two trips through the
 * database mutex that commits also take. Taking it later is as safe: the statement's snapshot
 * timestamp is registered before, so every commit it may see is already in storage and vacuum
 * keeps every version it may need; the view only has to stay consistent from then on.
 */
final class LazyReadView implements ReadView {
    private final StorageEngine engine;
    private volatile ReadView view;
    private volatile boolean closed;

    LazyReadView(StorageEngine engine) {
        this.engine = engine;
    }

    private ReadView view() {
        ReadView v = view;
        if (v == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the statement's reads are closed");
                }
                v = view;
                if (v == null) {
                    v = engine.readView();
                    view = v;
                }
            }
        }
        return v;
    }

    /**
     * Before the view is taken, a get reads the engine itself: one get is atomic against commit
     * batches, and which version it picks depends only on the registered snapshot timestamp, so a
     * point lookup never pays for a view (on RocksDB a snapshot's two trips through the db mutex).
     */
    @Override
    public byte[] get(String keyspace, byte[] key) {
        ReadView v = view;
        if (v == null) {
            if (closed) {
                throw new IllegalStateException("the statement's reads are closed");
            }
            return engine.get(keyspace, key);
        }
        return v.get(keyspace, key);
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return view().scan(keyspace, from, to, reverse);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (view != null) {
            view.close();
        }
    }
}
