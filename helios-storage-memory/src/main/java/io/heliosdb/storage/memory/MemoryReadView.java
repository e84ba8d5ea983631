package io.heliosdb.storage.memory;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.ReadView;
import java.util.concurrent.atomic.AtomicBoolean;

/** Reads at the commit sequence that was current when the view was taken; costs one pin, no copy. */
final class MemoryReadView implements ReadView {

    private final MemoryStorageEngine engine;
    private final long seq;
    private final AtomicBoolean closed = new AtomicBoolean();

    MemoryReadView(MemoryStorageEngine engine, long seq) {
        this.engine = engine;
        this.seq = seq;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        checkOpen();
        return engine.getAt(keyspace, key, seq);
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        checkOpen();
        return engine.scanPinned(keyspace, from, to, reverse, seq);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw MemoryStorageEngine.closedError("read view");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            engine.release(seq);
        }
    }
}
