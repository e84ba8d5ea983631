package io.heliosdb.storage.lmdb;

import io.heliosdb.spi.ValueBufferCursor;
import java.util.Arrays;
import org.lmdbjava.Cursor;
import org.lmdbjava.GetOp;

/**
 * A range scan on an LMDB cursor inside a read transaction (its snapshot), so concurrent writes
 * never show through. An LMDB cursor holds pointers into the memory map, which a map growth
 * replaces; the cursor therefore remembers the map generation it was positioned in and, after a
 * growth, reopens and seeks just past the last key it returned.
 */
final class LmdbCursor implements ValueBufferCursor, LmdbStorageEngine.Resource {

    private final LmdbStorageEngine engine;
    private final LmdbSnapshot snapshot;
    private final boolean ownsSnapshot;
    private final Keyspace keyspace;
    private final byte[] fromSeek;
    private final byte[] from;
    private final byte[] toSeek;
    private final byte[] to;
    private final boolean reverse;
    private Cursor<byte[]> cursor;
    private long generation;
    private byte[] lastStored;
    private boolean done;
    private boolean released;
    private byte[] key;
    private byte[] value;

    LmdbCursor(LmdbStorageEngine engine, LmdbSnapshot snapshot, boolean ownsSnapshot, Keyspace keyspace,
               byte[] from, byte[] to, boolean reverse) {
        this.engine = engine;
        this.snapshot = snapshot;
        this.ownsSnapshot = ownsSnapshot;
        this.keyspace = keyspace;
        StoredKeys keys = engine.keys();
        this.fromSeek = from == null ? null : keys.seekTarget(from);
        this.from = StoredKeys.exact(from);
        this.toSeek = to == null ? null : keys.seekTarget(to);
        this.to = StoredKeys.exact(to);
        this.reverse = reverse;
    }

    @Override
    public boolean next() {
        return engine.read(() -> {
            synchronized (snapshot) {
                checkReadable();
                return advance();
            }
        });
    }

    /**
     * Up to {@code max} entries under one hold of the engine's lock and the view's monitor (taken once per entry
     * by {@link #next()}). The arrays handed out are the ones LMDB's reads made for this cursor alone.
     */
    @Override
    public int nextEntries(byte[][] keys, byte[][] values, int max) {
        return engine.read(() -> {
            synchronized (snapshot) {
                checkReadable();
                int n = 0;
                while (n < max && advance()) {
                    keys[n] = key;
                    values[n] = value;
                    n++;
                }
                if (n > 0) {   // the cursor stands on the last entry gathered, even if it looked past the end
                    key = keys[n - 1];
                    value = values[n - 1];
                }
                return n;
            }
        });
    }

    private void checkReadable() {
        if (released) {
            throw LmdbStorageEngine.closedError("cursor");
        }
        snapshot.checkOpen("read view");
    }

    /** Moves to the next entry in range (called holding the view's monitor). */
    private boolean advance() {
        if (done) {
            return false;
        }
        boolean found = cursor == null || generation != engine.mapGeneration() ? position() : step();
        if (found && inRange(cursor.key())) {
            lastStored = cursor.key();
            key = StoredKeys.decode(lastStored);
            value = cursor.val();
            return true;
        }
        done = true;
        key = null;
        value = null;
        return false;
    }

    private boolean step() {
        return reverse ? cursor.prev() : cursor.next();
    }

    /** Opens a fresh LMDB cursor and places it on the next entry to return. */
    private boolean position() {
        if (cursor != null) {
            cursor.close();
        }
        generation = engine.mapGeneration();
        cursor = keyspace.dbi().openCursor(snapshot.txn());
        if (reverse) {
            return lastStored != null ? seekBelow(lastStored, lastStored) : to == null ? cursor.last() : seekBelow(toSeek, to);
        }
        if (lastStored != null) {
            boolean found = cursor.get(lastStored, GetOp.MDB_SET_RANGE);
            return found && Arrays.equals(cursor.key(), lastStored) ? cursor.next() : found;
        }
        if (from == null) {
            return cursor.first();
        }
        boolean found = cursor.get(fromSeek, GetOp.MDB_SET_RANGE);
        while (found && Arrays.compareUnsigned(cursor.key(), from) < 0) { // only when the bound was cut short
            found = cursor.next();
        }
        return found;
    }

    /** Places the cursor on the greatest key below {@code bound}, seeking at {@code target} (bound or its prefix). */
    private boolean seekBelow(byte[] target, byte[] bound) {
        if (!cursor.get(target, GetOp.MDB_SET_RANGE)) {
            return cursor.last();
        }
        boolean found = true;
        while (found && Arrays.compareUnsigned(cursor.key(), bound) >= 0) {
            found = cursor.prev();
        }
        return found;
    }

    private boolean inRange(byte[] stored) {
        return reverse
                ? from == null || Arrays.compareUnsigned(stored, from) >= 0
                : to == null || Arrays.compareUnsigned(stored, to) < 0;
    }

    @Override
    public byte[] key() {
        return current(key);
    }

    @Override
    public byte[] value() {
        return current(value);
    }

    /** The entry's own array (each read makes a fresh one and nothing changes it), so no copy is needed. */
    @Override
    public byte[] valueBuffer() {
        if (value == null) {
            throw new IllegalStateException("the cursor is not on an entry: call next() first");
        }
        return value;
    }

    @Override
    public int valueLength() {
        return valueBuffer().length;
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
    public void release() {
        synchronized (snapshot) {
            if (released) {
                return;
            }
            released = true;
            if (cursor != null) {
                cursor.close();
            }
        }
        if (ownsSnapshot) {
            snapshot.release();
        }
    }
}
