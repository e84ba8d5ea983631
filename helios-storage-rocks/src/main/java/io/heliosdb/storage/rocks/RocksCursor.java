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
    /** The iterator went past the range's end: it must not be moved again (RocksDB requires a valid one). */
    private boolean ended;
    private boolean released;
    private boolean positioned;
    private byte[] buffer = new byte[256];
    /** How much of {@code buffer} the current value fills. */
    private int valueLength;
    /**
     * The last value and key {@link #nextEntries} handed out: the current entry until the next move (the iterator
     * itself may have gone past the end looking for more, and must not be read then).
     */
    private byte[] gathered;
    private byte[] gatheredKey;
    /** The size of the arrays {@link #nextValues} packs values into (a larger value gets an array of its own). */
    static final int CHUNK = 32 * 1024;
    /** Reused by {@link #nextEntries} for each key before it is copied out at its exact length. */
    private byte[] keyScratch = new byte[64];
    /**
     * The array {@link #nextValues} packs values into and how much of it is handed out: the next call goes on
     * filling it (what was handed out is never written again), so a batch's last array is not left part empty.
     */
    private byte[] chunk = new byte[0];
    private int chunkUsed;
    // Scan runs (see RocksScanRuns): the keyspace's write count at creation (-1: writes in progress, no runs),
    // the entries stepped over, and the recording of this scan when its range is due one.
    private final String keyspace;
    private final byte[] from;
    private final byte[] to;
    private final RocksScanRuns runs;
    private final long writes;
    private long walked;
    private RocksScanRun.Builder recording;

    RocksCursor(RocksStorageEngine engine, RocksDB db, ColumnFamilyHandle family, byte[] from, byte[] to,
                boolean reverse, Snapshot snapshot) {
        this(engine, db, family, from, to, reverse, snapshot, null, null, -1, false);
    }

    /**
     * A cursor that tells {@code runs} about a forward scan of {@code keyspace} after {@code writes} writes (-1: none
     * to tell), and records the range into a run when {@code record}.
     */
    RocksCursor(RocksStorageEngine engine, RocksDB db, ColumnFamilyHandle family, byte[] from, byte[] to,
                boolean reverse, Snapshot snapshot, String keyspace, RocksScanRuns runs, long writes, boolean record) {
        this.engine = engine;
        this.reverse = reverse;
        this.keyspace = keyspace;
        this.runs = runs;
        this.writes = reverse || runs == null ? -1 : writes;
        // The range a mark or run names: copies, whatever the caller does with its arrays later.
        this.from = this.writes < 0 || from == null ? from : from.clone();
        this.to = this.writes < 0 || to == null ? to : to.clone();
        if (record && this.writes >= 0) {
            recording = new RocksScanRun.Builder(keyspace, from, to, writes, runs.budget());
        }
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
        recording = null; // a run is recorded from nextValues alone
        gathered = null;
        gatheredKey = null;
        if (!step()) {
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

    /** Moves the iterator to the next entry; false (and never again a move) at the end of the range. */
    private boolean step() throws RocksDBException {
        if (ended) {
            positioned = false;
            return false;
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
        positioned = iterator.isValid();
        if (!positioned) {
            iterator.status(); // throws if the iterator stopped on an error rather than at the end
            ended = true;
            return false;
        }
        walked++;
        return true;
    }

    /**
     * Up to {@code max} entries under one hold of the engine's lock (a scan of a million rows otherwise takes and
     * releases it a million times, and parallel parts would contend for its counter). Each key and value is read
     * into a reused array by one native call and copied out at its exact length: cheaper than the native side
     * allocating the array.
     */
    @Override
    public int nextEntries(byte[][] keys, byte[][] values, int max) {
        return engine.read(() -> gather(keys, values, max));
    }

    private int gather(byte[][] keys, byte[][] values, int max) throws RocksDBException {
        checkNotReleased();
        recording = null;
        gathered = null;
        int n = 0;
        while (n < max && step()) {
            int length = iterator.value(buffer);
            if (length > buffer.length) {
                values[n] = iterator.value();
            } else {
                values[n] = java.util.Arrays.copyOf(buffer, length);
            }
            length = iterator.key(keyScratch);
            if (length > keyScratch.length) {
                keyScratch = new byte[Math.max(length, keyScratch.length * 2)];
                length = iterator.key(keyScratch);
            }
            keys[n] = java.util.Arrays.copyOf(keyScratch, length);
            n++;
        }
        if (n > 0) {
            gathered = values[n - 1];
            gatheredKey = keys[n - 1];
            valueLength = gathered.length;
            positioned = true;
        }
        return n;
    }

    /**
     * Values packed into {@link #CHUNK}-sized arrays, one native call each (the iterator writes into the array
     * at the entry's offset), and a key only where {@code wanted}: a scan of current rows then costs three native
     * calls an entry (move, check, value) and no array of its own, all under one hold of the engine's lock.
     */
    @Override
    public int nextValues(byte[][] values, int[] offsets, int[] lengths, byte[][] keys, KeyWanted wanted, int max) {
        return engine.read(() -> gatherValues(values, offsets, lengths, keys, wanted, max));
    }

    private int gatherValues(byte[][] values, int[] offsets, int[] lengths, byte[][] keys, KeyWanted wanted, int max)
            throws RocksDBException {
        checkNotReleased();
        gathered = null;
        byte[] chunk = this.chunk;
        int used = chunkUsed;
        int n = 0;
        while (n < max && step()) {
            int room = chunk.length - used;
            int length = iterator.value(chunk, used, room);
            byte[] array = chunk;
            int offset = used;
            if (length <= room) {
                used += length;
            } else if (length > CHUNK / 4) {
                array = iterator.value();
                offset = 0;
            } else {
                chunk = new byte[CHUNK];
                array = chunk;
                offset = 0;
                length = iterator.value(chunk, 0, CHUNK);
                used = length;
            }
            values[n] = array;
            offsets[n] = offset;
            lengths[n] = length;
            keys[n] = wanted.test(array, offset, length) ? iterator.key() : null;
            if (recording != null && !recording.add(iterator, array, offset, length)) {
                runs.oversized(keyspace, from, to, writes);
                recording = null;
            }
            n++;
        }
        this.chunk = chunk;
        chunkUsed = used;
        if (ended && recording != null) {
            runs.built(recording.build());
            recording = null;
            walked = -1; // recorded: nothing to mark
        }
        if (n > 0) {
            if (ended) {
                // The iterator looked past the end: back onto the range's last entry, the last one gathered, so
                // key() can still read it (an iterator reads at one sequence, so it is the same entry).
                if (reverse) {
                    iterator.seekToFirst();
                } else {
                    iterator.seekToLast();
                }
            }
            byte[] last = values[n - 1];
            gathered = java.util.Arrays.copyOfRange(last, offsets[n - 1], offsets[n - 1] + lengths[n - 1]);
            gatheredKey = null;
            valueLength = gathered.length;
            positioned = iterator.isValid();
        }
        return n;
    }

    @Override
    public byte[] key() {
        checkPositioned();
        if (gatheredKey != null) {
            return gatheredKey.clone();
        }
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
        return gathered != null ? gathered : buffer;
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
        recording = null;
        if (ended && writes >= 0 && walked >= RocksScanRuns.MARK_ENTRIES) {
            runs.scanned(keyspace, from, to, writes, walked);
        }
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
