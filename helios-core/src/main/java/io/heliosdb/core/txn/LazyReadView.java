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
    private boolean closed;

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

    @Override
    public byte[] get(String keyspace, byte[] key) {
        return view().get(keyspace, key);
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
