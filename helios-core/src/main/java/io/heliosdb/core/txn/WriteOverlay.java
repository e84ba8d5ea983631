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
 * rolled back to a {@link #mark()} without copying the overlay. Writes of ascending keys (a bulk insert)
 * are appended to an array beside the tree and enter it only when something needs them there.
 */
public final class WriteOverlay {
    public static final Comparator<byte[]> UNSIGNED = Arrays::compareUnsigned;

    /** The value a delete leaves; compared by identity. */
    static final byte[] TOMBSTONE = new byte[0];

    private static final class Space {
        NavigableMap<byte[], byte[]> map = new TreeMap<>(UNSIGNED);
        boolean shared;
        /**
         * A key at or above every key of {@link #map} and the tail (it may stay above after a rollback), or
         * null when not known: a lookup of a key above it (each of a run of ascending inserts) skips the tree.
         */
        byte[] ceiling;
        /**
         * Writes of keys above {@link #ceiling} when they were made, in ascending order, kept out of the tree
         * (a run of ascending inserts costs an array append each, not a tree insert) until something that
         * needs them there {@link #settle}s them. Every tail key sorts above every key of {@link #map}.
         */
        byte[][] tailKeys;
        byte[][] tailValues;
        int tailSize;

        void raiseCeiling(byte[] key) {
            if (ceiling != null && Arrays.compareUnsigned(key, ceiling) > 0) {
                ceiling = key;
            }
        }

        /** Writes an entry; returns the one it replaced, or null. */
        byte[] write(byte[] key, byte[] value) {
            if (ceiling != null && Arrays.compareUnsigned(key, ceiling) > 0) {
                if (tailKeys == null || tailSize == tailKeys.length) {
                    int capacity = tailKeys == null ? 16 : tailSize * 2;
                    tailKeys = tailKeys == null ? new byte[capacity][] : Arrays.copyOf(tailKeys, capacity);
                    tailValues = tailValues == null ? new byte[capacity][] : Arrays.copyOf(tailValues, capacity);
                }
                tailKeys[tailSize] = key;
                tailValues[tailSize++] = value;
                ceiling = key;
                return null;
            }
            byte[] previous = writableMap().put(key, value);
            raiseCeiling(key);
            return previous;
        }

        /** The map with the tail moved into it, copied first if a reader shares it. */
        NavigableMap<byte[], byte[]> writableMap() {
            if (shared) {
                map = new TreeMap<>(map);
                shared = false;
            }
            settle();
            return map;
        }

        /** Moves the tail into the map (whose reader, if any, must not see them: call on a writable map). */
        private void settle() {
            for (int i = 0; i < tailSize; i++) {
                map.put(tailKeys[i], tailValues[i]);
                tailKeys[i] = null;
                tailValues[i] = null;
            }
            tailSize = 0;
        }

        /** The map holding every entry, for a reader: the tail is moved in first. */
        NavigableMap<byte[], byte[]> settledMap() {
            return tailSize == 0 ? map : writableMap();
        }

        byte[] get(byte[] key) {
            if (tailSize > 0 && Arrays.compareUnsigned(key, tailKeys[0]) >= 0) {
                int at = tailIndex(key);
                return at >= 0 ? tailValues[at] : null;
            }
            return map.get(key);
        }

        /** Undoes the tail's last write when it is of {@code key}; false when the entry is in the map. */
        boolean popTail(byte[] key) {
            if (tailSize == 0 || !Arrays.equals(tailKeys[tailSize - 1], key)) {
                return false;
            }
            tailSize--;
            tailKeys[tailSize] = null;
            tailValues[tailSize] = null;
            return true;
        }

        /** The greatest key below {@code bound} (null: no bound), or null. */
        byte[] lastKeyBelow(byte[] bound) {
            if (tailSize > 0) {
                if (bound == null) {
                    return tailKeys[tailSize - 1];
                }
                int at = tailIndex(bound);
                int below = (at >= 0 ? at : -at - 1) - 1;
                if (below >= 0) {
                    return tailKeys[below];
                }
            }
            if (map.isEmpty()) {
                return null;
            }
            return bound == null ? map.lastKey() : map.lowerKey(bound);
        }

        boolean isEmpty() {
            return tailSize == 0 && map.isEmpty();
        }

        void forEach(java.util.function.BiConsumer<byte[], byte[]> action) {
            map.forEach(action);
            for (int i = 0; i < tailSize; i++) {
                action.accept(tailKeys[i], tailValues[i]);
            }
        }

        /** Binary search of the tail: the index of {@code key}, or {@code -(insertion point) - 1}. */
        private int tailIndex(byte[] key) {
            int low = 0;
            int high = tailSize - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int c = Arrays.compareUnsigned(tailKeys[mid], key);
                if (c < 0) {
                    low = mid + 1;
                } else if (c > 0) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
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
        undo.add(new Undo(keyspace, key, space(keyspace).write(key, value)));
        bytes += key.length + value.length;
    }

    public void delete(String keyspace, byte[] key) {
        undo.add(new Undo(keyspace, key, space(keyspace).write(key, TOMBSTONE)));
        bytes += key.length;
    }

    /**
     * The writes as they are now, for reading only: it shares each keyspace's map until the next write to it
     * here copies that map (copy on write, as for a scan), so later writes never show in it.
     */
    public WriteOverlay frozen() {
        WriteOverlay copy = new WriteOverlay();
        spaces.forEach((keyspace, s) -> {
            s.settledMap();
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
            Space s = space(u.keyspace());
            if (u.previous() == null && s.popTail(u.key())) {
                continue;
            }
            NavigableMap<byte[], byte[]> map = s.writableMap();
            if (u.previous() == null) {
                map.remove(u.key());
            } else {
                map.put(u.key(), u.previous());
            }
        }
    }

    /** Hands out the keyspace and key of every write since {@code mark} (the undo log's, in order). */
    public void forEachWriteSince(int mark, java.util.function.BiConsumer<String, byte[]> action) {
        for (int i = mark; i < undo.size(); i++) {
            Undo u = undo.get(i);
            action.accept(u.keyspace(), u.key());
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
            s.forEach(action);
        }
    }

    public static boolean isTombstone(byte[] value) {
        return value == TOMBSTONE;
    }

    private Space space(String keyspace) {
        Space s = spaces.get(keyspace);
        if (s == null) {
            s = new Space();
            s.ceiling = BELOW_ALL;
            spaces.put(keyspace, s);
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
        return s.get(key);
    }

    /** The greatest key written (or deleted) in {@code keyspace} below {@code bound} (null: no bound), or null. */
    byte[] lastKeyBelow(String keyspace, byte[] bound) {
        Space s = spaces.get(keyspace);
        return s == null ? null : s.lastKeyBelow(bound);
    }

    /** A stable view of the entries in {@code [from, to)}; later writes do not show in it. */
    NavigableMap<byte[], byte[]> range(String keyspace, byte[] from, byte[] to) {
        Space s = spaces.get(keyspace);
        if (s == null) {
            return new TreeMap<>(UNSIGNED);
        }
        NavigableMap<byte[], byte[]> m = s.settledMap();
        s.shared = true;
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
            if (!s.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the transaction writes (or deletes) any key of {@code keyspace}. */
    public boolean touches(String keyspace) {
        Space s = spaces.get(keyspace);
        return s != null && !s.isEmpty();
    }

    /** Approximate key and value bytes written (tombstones count their key). */
    public long byteSize() {
        return bytes;
    }

    /** Every write as one batch, in key order per keyspace. */
    public WriteBatch toWriteBatch() {
        WriteBatch batch = new WriteBatch();
        spaces.forEach((keyspace, s) -> s.forEach((key, value) -> {
            if (value == TOMBSTONE) {
                batch.delete(keyspace, key);
            } else {
                batch.put(keyspace, key, value);
            }
        }));
        return batch;
    }
}
