package io.heliosdb.storage.lmdb;

import io.heliosdb.spi.KvCursor;

/** The cursor over a keyspace that does not exist (yet) or an empty range; it still fails after close. */
final class EmptyCursor implements KvCursor {

    private final LmdbStorageEngine engine;
    private boolean closed;

    EmptyCursor(LmdbStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean next() {
        return engine.read(() -> {
            if (closed) {
                throw LmdbStorageEngine.closedError("cursor");
            }
            return false;
        });
    }

    @Override
    public byte[] key() {
        throw new IllegalStateException("the cursor is not on an entry");
    }

    @Override
    public byte[] value() {
        throw new IllegalStateException("the cursor is not on an entry");
    }

    @Override
    public void close() {
        closed = true;
    }
}
