package io.heliosdb.storage.rocks;

import io.heliosdb.spi.ValueBufferCursor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A RocksDB iterator over {@code [from, to)} using the native lower/upper bounds, so it never
 * reads past the range. An iterator reads at the sequence it was created at, which makes it
 * indifferent to concurrent writes.
 */
final class RocksCursor implements ValueBufferCursor, RocksStorageEngine.NativeResource {

    private final RocksStorageEngine engine;
    private final ReadOptions options;
    private final Slice lower;
    private final Slice upper;
    private final RocksIterator iterator;
    private final boolean reverse;
    private boolean started;
    private boolean released;
    private boolean positioned;
    private byte[] buffer = new byte[256];
    /** How much of {@code buffer} the current value fills. */
    private int valueLength;

    RocksCursor(RocksStorageEngine engine, RocksDB db, ColumnFamilyHandle family, byte[] from, byte[] to,
                boolean reverse, Snapshot snapshot) {
        this.engine = engine;
        this.reverse = reverse;
        options = new ReadOptions();
        if (snapshot != null) {
            options.setSnapshot(snapshot);
        }
        lower = from == null ? null : new Slice(from);
        upper = to == null ? null : new Slice(to);
        if (lower != null) {
            options.setIterateLowerBound(lower);
        }
        if (upper != null) {
            options.setIterateUpperBound(upper);
        }
        iterator = db.newIterator(family, options);
    }

    @Override
    public boolean next() {
        return engine.read(this::advance);
    }

    // The value is copied into the reused buffer under the same lock; the key only when asked for (a
    // scan of current rows reads values only).
    private boolean advance() throws RocksDBException {
        checkNotReleased();
        if (!started) {
            started = true;
            if (reverse) {
                iterator.seekToLast();
            } else {
                iterator.seekToFirst();
            }
        } else if (reverse) {
            iterator.prev();
        } else {
            iterator.next();
        }
        positioned = iterator.isValid();
        if (!positioned) {
            iterator.status(); // throws if the iterator stopped on an error rather than at the end
            return false;
        }
        int length = iterator.value(buffer);
        if (length > buffer.length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
            length = iterator.value(buffer);
        }
        valueLength = length;
        return true;
    }

    @Override
    public byte[] key() {
        checkPositioned();
        return engine.read(() -> {
            checkNotReleased();
            return iterator.key(); // a fresh array from the native side: the caller's to keep
        });
    }

    @Override
    public byte[] value() {
        return java.util.Arrays.copyOf(valueBuffer(), valueLength);
    }

    /** The value, copied into a buffer this cursor reuses from entry to entry (no array per entry). */
    @Override
    public byte[] valueBuffer() {
        checkPositioned();
        return buffer;
    }

    @Override
    public int valueLength() {
        checkPositioned();
        return valueLength;
    }

    private void checkPositioned() {
        if (!positioned) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
    }

    private void checkNotReleased() {
        if (released) {
            throw RocksStorageEngine.closedError("cursor");
        }
    }

    @Override
    public void close() {
        engine.untrack(this);
        engine.ifOpen(this::release);
    }

    @Override
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        iterator.close();
        options.close();
        if (lower != null) {
            lower.close();
        }
        if (upper != null) {
            upper.close();
        }
    }
}
