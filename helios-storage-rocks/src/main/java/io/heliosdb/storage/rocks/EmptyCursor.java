package io.heliosdb.storage.rocks;

import io.heliosdb.spi.KvCursor;

/** The scan of a keyspace that does not exist (yet) or of an empty range: no native handles at all. */
final class EmptyCursor implements KvCursor {

    private final RocksStorageEngine engine;

    EmptyCursor(RocksStorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public boolean next() {
        return engine.read(() -> false);
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
        // nothing native to release
    }
}
