package io.heliosdb.core.txn;

import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A transaction's uncommitted writes, per keyspace in unsigned-byte key order; a delete is a
 * tombstone. A scan works on the map as it was when the scan began (copy on write), so a
 * statement that writes while it scans never sees its own new rows (no Halloween problem).
 * An undo log since the last {@link #forgetUndo()} lets a statement (or, later, a savepoint) be
 * rolled back to a {@link #mark()} without copying the overlay.
 */
public final class WriteOverlay {
    public static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    /** The value a delete leaves; compared by identity. */
    static final byte[] TOMBSTONE = new byte[0];

    private static final class Space {
        NavigableMap<byte[], byte[]> map = new TreeMap<>(UNSIGNED);
        boolean shared;
        /**
         * A key at or above every key of {@link #map} (it may stay above after a rollback), or null when
         * not known: a lookup of a key above it (each of a run of ascending inserts) skips the tree.
         */
        byte[] ceiling;

        void raiseCeiling(byte[] key) {
            if (ceiling != null && Arrays.compareUnsigned(key, ceiling) > 0) {
                ceiling = key;
            }
        }
    }

    /** The ceiling of a new, empty keyspace: below every non-empty key. */
    private static final byte[] BELOW_ALL = new byte[0];

    /** A write to undo: the entry before it, {@code previous} null when there was none. */
    private record Undo(String keyspace, byte[] key, byte[] previous) {
    }

    private final Map<String, Space> spaces = new HashMap<>();
    private final List<Undo> undo = new ArrayList<>();
    private long bytes;

    public void put(String keyspace, byte[] key, byte[] value) {
        Space s = writableSpace(keyspace);
        undo.add(new Undo(keyspace, key, s.map.put(key, value)));
        s.raiseCeiling(key);
        bytes += key.length + value.length;
    }

    public void delete(String keyspace, byte[] key) {
        Space s = writableSpace(keyspace);
        undo.add(new Undo(keyspace, key, s.map.put(key, TOMBSTONE)));
        s.raiseCeiling(key);
        bytes += key.length;
    }

    /**
     * The writes as they are now, for reading only: it shares each keyspace's map until the next write to it
     * here copies that map (copy on write, as for a scan), so later writes never show in it.
     */
    public WriteOverlay frozen() {
        WriteOverlay copy = new WriteOverlay();
        spaces.forEach((keyspace, s) -> {
            s.shared = true;
            Space view = new Space();
            view.map = s.map;
            view.shared = true;
            copy.spaces.put(keyspace, view);
        });
        return copy;
    }

    /** A point to roll back to with {@link #rollbackTo(int)}. */
    public int mark() {
        return undo.size();
    }

    /** Undoes every write made since {@code mark}. */
    public void rollbackTo(int mark) {
        for (int i = undo.size() - 1; i >= mark; i--) {
            Undo u = undo.remove(i);
            NavigableMap<byte[], byte[]> map = writable(u.keyspace());
            if (u.previous() == null) {
                map.remove(u.key());
            } else {
                map.put(u.key(), u.previous());
            }
        }
    }

    /** Drops the undo log: no earlier mark will be rolled back to. */
    public void forgetUndo() {
        undo.clear();
    }

    /** Every written key with its value ({@link #isTombstone} for deletions), in key order per keyspace. */
    public void forEach(String keyspace, java.util.function.BiConsumer<byte[], byte[]> action) {
        Space s = spaces.get(keyspace);
        if (s != null) {
            s.map.forEach(action);
        }
    }

    public static boolean isTombstone(byte[] value) {
        return value == TOMBSTONE;
    }

    private NavigableMap<byte[], byte[]> writable(String keyspace) {
        return writableSpace(keyspace).map;
    }

    private Space writableSpace(String keyspace) {
        Space s = spaces.get(keyspace);
        if (s == null) {
            s = new Space();
            s.ceiling = BELOW_ALL;
            spaces.put(keyspace, s);
        }
        if (s.shared) {
            s.map = new TreeMap<>(s.map);
            s.shared = false;
        }
        return s;
    }

    /** The overlay's entry for a key: null when untouched, {@link #TOMBSTONE} when deleted. */
    public byte[] lookup(String keyspace, byte[] key) {
        Space s = spaces.get(keyspace);
        if (s == null) {
            return null;
        }
        byte[] ceiling = s.ceiling;
        if (ceiling != null && Arrays.compareUnsigned(key, ceiling) > 0) {
            return null;
        }
        return s.map.get(key);
    }

    /** The greatest key written (or deleted) in {@code keyspace} below {@code bound} (null: no bound), or null. */
    byte[] lastKeyBelow(String keyspace, byte[] bound) {
        Space s = spaces.get(keyspace);
        if (s == null || s.map.isEmpty()) {
            return null;
        }
        return bound == null ? s.map.lastKey() : s.map.lowerKey(bound);
    }

    /** A stable view of the entries in {@code [from, to)}; later writes do not show in it. */
    NavigableMap<byte[], byte[]> range(String keyspace, byte[] from, byte[] to) {
        Space s = spaces.get(keyspace);
        if (s == null) {
            return new TreeMap<>(UNSIGNED);
        }
        s.shared = true;
        NavigableMap<byte[], byte[]> m = s.map;
        if (from != null && to != null) {
            return UNSIGNED.compare(from, to) >= 0 ? new TreeMap<>(UNSIGNED) : m.subMap(from, true, to, false);
        }
        if (from != null) {
            return m.tailMap(from, true);
        }
        if (to != null) {
            return m.headMap(to, false);
        }
        return m;
    }

    public boolean isEmpty() {
        for (Space s : spaces.values()) {
            if (!s.map.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the transaction writes (or deletes) any key of {@code keyspace}. */
    public boolean touches(String keyspace) {
        Space s = spaces.get(keyspace);
        return s != null && !s.map.isEmpty();
    }

    /** Approximate key and value bytes written (tombstones count their key). */
    public long byteSize() {
        return bytes;
    }

    /** Every write as one batch, in key order per keyspace. */
    public WriteBatch toWriteBatch() {
        WriteBatch batch = new WriteBatch();
        spaces.forEach((keyspace, s) -> s.map.forEach((key, value) -> {
            if (value == TOMBSTONE) {
                batch.delete(keyspace, key);
            } else {
                batch.put(keyspace, key, value);
            }
        }));
        return batch;
    }
}
