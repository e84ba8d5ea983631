package io.heliosdb.storage.rocks;

import io.heliosdb.spi.KvCursor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * A RocksDB iterator over {@code [from, to)} using the native lower/upper bounds, so it never
 * reads past the range. An iterator reads at the sequence it was created at, which makes it
 * indifferent to concurrent writes.
 */
final class RocksCursor implements KvCursor, RocksStorageEngine.NativeResource {

    private final RocksStorageEngine engine;
    private final ReadOptions options;
    private final Slice lower;
    private final Slice upper;
    private final RocksIterator iterator;
    private final boolean reverse;
    private boolean started;
    private boolean released;
    private byte[] key;
    private byte[] value;

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
        return engine.read(() -> {
            if (released) {
                throw RocksStorageEngine.closedError("cursor");
            }
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
            if (iterator.isValid()) {
                key = iterator.key();
                value = iterator.value();
                return true;
            }
            iterator.status(); // throws if the iterator stopped on an error rather than at the end
            key = null;
            value = null;
            return false;
        });
    }

    @Override
    public byte[] key() {
        return current(key);
    }

    @Override
    public byte[] value() {
        return current(value);
    }

    private static byte[] current(byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
        return bytes.clone();
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
