package io.heliosdb.storage.memory;

import io.heliosdb.spi.ValueBufferCursor;
import java.util.Iterator;
import java.util.Map;

/**
 * A scan at a fixed commit sequence. The skip-list iterator is weakly consistent, so concurrent
 * writes never break it, and the sequence hides every write newer than the scan.
 */
final class MemoryCursor implements ValueBufferCursor {

    private final MemoryStorageEngine engine;
    private final Iterator<Map.Entry<byte[], Version>> entries;
    private final long seq;
    private final Runnable onClose;
    private byte[] key;
    private byte[] value;
    private boolean closed;

    MemoryCursor(MemoryStorageEngine engine, Iterator<Map.Entry<byte[], Version>> entries, long seq, Runnable onClose) {
        this.engine = engine;
        this.entries = entries;
        this.seq = seq;
        this.onClose = onClose;
    }

    @Override
    public boolean next() {
        engine.checkOpen();
        if (closed) {
            throw MemoryStorageEngine.closedError("cursor");
        }
        while (entries.hasNext()) {
            Map.Entry<byte[], Version> e = entries.next();
            Version v = e.getValue().visibleAt(seq);
            if (v != null && v.value() != null) {
                key = e.getKey();
                value = v.value();
                return true;
            }
        }
        key = null;
        value = null;
        return false;
    }

    @Override
    public byte[] key() {
        return current(key).clone();
    }

    @Override
    public byte[] value() {
        return current(value).clone();
    }

    /** The stored array itself: versions are never modified once written, so it needs no copy to be read. */
    @Override
    public byte[] valueBuffer() {
        return current(value);
    }

    @Override
    public int valueLength() {
        return current(value).length;
    }

    private static byte[] current(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
        return bytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
