package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.ByteReader;
import io.heliosdb.core.encoding.ByteWriter;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hybrid mode's cache of index lookups: for one <em>full</em> index key value (index id + every key
 * component, see {@link IndexKeys#valuePrefix}), the newest stored version of each entry under it,
 * so an equality lookup on all of an index's columns costs one cache get instead of a storage scan.
 *
 * <p>The discipline is {@link RowCache}'s, applied to the value prefix instead of the row key:
 * <ul>
 *   <li>a commit invalidates the value prefix of every entry it writes after its batch is in storage and
 *       before it becomes visible. The prefix is the entry key without its trailing row key, and the row key
 *       is in the batch: the value of a live entry, or, for a deletion, the value of the replaced live
 *       version the same batch moves into the versions keyspace;</li>
 *   <li>a fill takes its stripe's generation before it scans the live engine and stores the list only if
 *       no invalidation of that stripe came in between;</li>
 *   <li>a reader uses a cached list only when every version in it is at or before its snapshot
 *       (a deletion then reads as absent); otherwise it scans through its read view as usual.</li>
 * </ul>
 * Full key values are cached, and so are equality prefixes (the first k of n key components, as
 * {@code WHERE a = ?} on an index {@code (a, b)} asks for): a prefix lookup first registers its index's
 * {@link IndexKeyShape}, and from then on invalidation also cuts every written entry key at each
 * component boundary and invalidates those prefixes (every byte length, should a key not parse). The
 * registration comes before the fill takes its generation, so a commit either already sees the shape or
 * wrote before the fill's scan. Ranges scan storage. Lists longer than {@value #MAX_ENTRIES} entries
 * are not cached (a low-cardinality key or prefix would fill the cache with one lookup).
 */
final class IndexEntryCache {
    /** The cache-layer keyspace of these lists (distinct from the row keyspace they share the layer with). */
    static final String KEYSPACE = "index-lookups";
    static final int MAX_ENTRIES = 64;
    private static final int STRIPES = 1024;

    private final CacheLayer layer;
    private final KvReader live;
    private final long[] generations = new long[STRIPES];
    private final Object[] monitors = new Object[STRIPES];
    /** Index id to key shape, for the indexes whose equality prefixes have been looked up (see the class comment). */
    private final ConcurrentHashMap<Long, IndexKeyShape> prefixShapes = new ConcurrentHashMap<>();

    IndexEntryCache(CacheLayer layer, KvReader live) {
        this.layer = layer;
        this.live = live;
        for (int i = 0; i < STRIPES; i++) {
            monitors[i] = new Object();
        }
    }

    /**
     * The visible entries under a full index key value at {@code snapshotTs} as a cursor (keys are entry
     * keys, values row keys), or null when the caller must scan through its snapshot.
     */
    KvCursor visibleEntries(byte[] valuePrefix, long snapshotTs) {
        return visibleEntries(valuePrefix, snapshotTs, false, null);
    }

    /**
     * As {@link #visibleEntries(byte[], long)}, in descending key order when {@code reverse}; {@code prefixShape}
     * is the index's shape when {@code valuePrefix} holds fewer components than the index has, else null.
     */
    KvCursor visibleEntries(byte[] valuePrefix, long snapshotTs, boolean reverse, IndexKeyShape prefixShape) {
        if (prefixShape != null) {
            prefixShapes.putIfAbsent(indexId(valuePrefix), prefixShape);
        }
        byte[] cached = layer.get(KEYSPACE, valuePrefix);
        List<byte[][]> entries;
        if (cached != null) {
            entries = decode(valuePrefix, cached);
        } else {
            entries = fill(valuePrefix);
            if (entries == null) {
                return null;
            }
        }
        List<byte[][]> visible = new ArrayList<>(entries.size());
        for (byte[][] entry : entries) {
            byte[] stored = entry[1];
            if (VersionLayout.commitTs(stored) > snapshotTs) {
                return null;
            }
            if (!VersionLayout.isDeleted(stored)) {
                visible.add(new byte[][] {entry[0], VersionLayout.payload(stored)});
            }
        }
        if (reverse) {
            Collections.reverse(visible);
        }
        return new ListCursor(visible);
    }

    /** Reads the newest versions under the prefix from the live engine and caches them unless a commit raced. */
    private List<byte[][]> fill(byte[] valuePrefix) {
        int stripe = stripe(valuePrefix);
        long generation;
        synchronized (monitors[stripe]) {
            generation = generations[stripe];
        }
        List<byte[][]> entries = new ArrayList<>();
        try (KvCursor c = live.scan(CatalogKeys.INDEXES, valuePrefix, IndexKeys.prefixEnd(valuePrefix), false)) {
            while (c.next()) {
                if (entries.size() == MAX_ENTRIES) {
                    return null;
                }
                entries.add(new byte[][] {c.key(), c.value()});
            }
        }
        synchronized (monitors[stripe]) {
            if (generations[stripe] == generation) {
                layer.put(KEYSPACE, valuePrefix, encode(valuePrefix.length, entries));
            }
        }
        return entries;
    }

    /** Invalidates the value prefix of every index entry a commit batch writes (after the write, before visibility). */
    void invalidate(WriteBatch batch) {
        for (WriteBatch.Op op : batch.ops()) {
            if (op.isDelete()) {
                continue;
            }
            // Read through the op (never op.value()): a commit's values come in two parts, joined only by a copy.
            if (op.keyspace().equals(CatalogKeys.INDEXES)) {
                // a deleted entry's prefix comes from the replaced live version the batch moves to history
                if (!VersionLayout.isDeleted(op)) {
                    invalidateEntry(op.key(), op.valueLength() - VersionLayout.PAYLOAD_OFFSET);
                }
            } else if (op.keyspace().equals(VersionLayout.VERSIONS)) {
                byte[] group = VersionLayout.versionGroup(op.key());
                if (VersionLayout.groupKeyspace(group).equals(CatalogKeys.INDEXES) && !VersionLayout.isDeleted(op)) {
                    invalidateEntry(VersionLayout.groupKey(group), op.valueLength() - VersionLayout.PAYLOAD_OFFSET);
                }
            }
        }
    }

    private void invalidateEntry(byte[] entryKey, int rowKeyLength) {
        int prefixLength = entryKey.length - rowKeyLength;
        if (prefixLength <= 8) {
            return;
        }
        invalidate(Arrays.copyOf(entryKey, prefixLength));
        IndexKeyShape shape = prefixShapes.isEmpty() ? null : prefixShapes.get(indexId(entryKey));
        if (shape == null) {
            return;
        }
        int[] ends = shape.componentEnds(entryKey, prefixLength);
        if (ends != null && ends[ends.length - 1] == prefixLength) {
            for (int i = 0; i < ends.length - 1; i++) {
                invalidate(Arrays.copyOf(entryKey, ends[i]));
            }
        } else {
            // not this shape after all: every byte length covers every component boundary
            for (int length = 9; length < prefixLength; length++) {
                invalidate(Arrays.copyOf(entryKey, length));
            }
        }
    }

    private static long indexId(byte[] key) {
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (key[i] & 0xFF);
        }
        return id;
    }

    void invalidate(byte[] valuePrefix) {
        int stripe = stripe(valuePrefix);
        synchronized (monitors[stripe]) {
            generations[stripe]++;
            layer.invalidate(KEYSPACE, valuePrefix);
        }
    }

    private static int stripe(byte[] key) {
        return (Arrays.hashCode(key) & 0x7fffffff) % STRIPES;
    }

    /** {@code [count][per entry: suffix length, suffix (the row key), stored length, stored version]}. */
    private static byte[] encode(int prefixLength, List<byte[][]> entries) {
        ByteWriter w = new ByteWriter(64).writeIntBE(entries.size());
        for (byte[][] e : entries) {
            w.writeIntBE(e[0].length - prefixLength).write(Arrays.copyOfRange(e[0], prefixLength, e[0].length));
            w.writeIntBE(e[1].length).write(e[1]);
        }
        return w.toByteArray();
    }

    private static List<byte[][]> decode(byte[] valuePrefix, byte[] cached) {
        ByteReader r = new ByteReader(cached);
        int count = r.readIntBE();
        List<byte[][]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] suffix = r.read(r.readIntBE());
            byte[] key = Arrays.copyOf(valuePrefix, valuePrefix.length + suffix.length);
            System.arraycopy(suffix, 0, key, valuePrefix.length, suffix.length);
            entries.add(new byte[][] {key, r.read(r.readIntBE())});
        }
        return entries;
    }

    /** The entries of one cached list, in key order. */
    private static final class ListCursor implements KvCursor {
        private final List<byte[][]> entries;
        private int position = -1;

        ListCursor(List<byte[][]> entries) {
            this.entries = entries;
        }

        @Override
        public boolean next() {
            if (position < entries.size()) {
                position++;
            }
            return position < entries.size();
        }

        @Override
        public byte[] key() {
            return position < entries.size() ? entries.get(position)[0].clone() : null;
        }

        @Override
        public byte[] value() {
            return position < entries.size() ? entries.get(position)[1].clone() : null;
        }

        @Override
        public void close() {
        }
    }
}
