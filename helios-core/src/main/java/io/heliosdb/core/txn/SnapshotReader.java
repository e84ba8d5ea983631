package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.ValueBufferCursor;
import java.util.Arrays;

/**
 * Reads the versioned keyspaces as of one commit timestamp: the newest version under the plain
 * key when it is old enough (one get), otherwise the newest older version from the versions
 * keyspace; deletions read as absent. See {@link VersionLayout}. With a {@link RowCache}, row gets try
 * the cache first, and so do index lookups of one full key value or equality prefix
 * ({@link #scanIndexValue}); other scans do not use it.
 */
final class SnapshotReader implements KvReader {
    /** A stored version's leading commit timestamp, as {@link VersionLayout#commitTs} reads it. */
    private static final java.lang.invoke.VarHandle COMMIT_TS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private final KvReader base;
    private final long snapshotTs;
    private final RowCache cache;

    SnapshotReader(KvReader base, long snapshotTs) {
        this(base, snapshotTs, null);
    }

    SnapshotReader(KvReader base, long snapshotTs, RowCache cache) {
        this.base = base;
        this.snapshotTs = snapshotTs;
        this.cache = cache;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        if (cache != null && keyspace.equals(CatalogKeys.ROWS)) {
            byte[] newest = cache.newestVisible(key, snapshotTs);
            if (newest != null) {
                return VersionLayout.payload(newest);
            }
        }
        return visible(keyspace, key, base.get(keyspace, key));
    }

    private byte[] visible(String keyspace, byte[] key, byte[] newest) {
        if (newest == null) {
            return null;
        }
        if (VersionLayout.commitTs(newest) <= snapshotTs) {
            return VersionLayout.payload(newest);
        }
        byte[] older = olderVersion(keyspace, key);
        return older == null ? null : VersionLayout.payload(older);
    }

    /**
     * As {@link #get}, but the visible stored version itself (header included, so the row can be decoded
     * in place from {@link VersionLayout#PAYLOAD_OFFSET}); null when absent or deleted.
     */
    byte[] getVersion(String keyspace, byte[] key) {
        byte[] version = null;
        if (cache != null && keyspace.equals(CatalogKeys.ROWS)) {
            version = cache.newestVisible(key, snapshotTs);
        }
        if (version == null) {
            version = base.get(keyspace, key);
            if (version != null && VersionLayout.commitTs(version) > snapshotTs) {
                version = olderVersion(keyspace, key);
            }
        }
        return version == null || VersionLayout.isDeleted(version) ? null : version;
    }

    /** The newest version of {@code key} from history at or below the snapshot (a deletion included), or null. */
    private byte[] olderVersion(String keyspace, byte[] key) {
        try (KvCursor older = base.scan(VersionLayout.VERSIONS, VersionLayout.versionKey(keyspace, key, snapshotTs),
                VersionLayout.versionsEnd(keyspace, key), false)) {
            return older.next() ? older.value() : null;
        }
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        return new VisibleCursor(keyspace, base.scan(keyspace, from, to, reverse));
    }

    /** The visible index entries under one full index key value (see {@link IndexEntryCache}), in key order. */
    KvCursor scanIndexValue(byte[] valuePrefix) {
        return scanIndexValue(valuePrefix, false, null);
    }

    /**
     * The visible index entries under one index key value or equality prefix, in key order or reversed;
     * {@code prefixShape} is the index's shape when the value holds fewer components than the index.
     */
    KvCursor scanIndexValue(byte[] valuePrefix, boolean reverse, IndexKeyShape prefixShape) {
        if (cache != null) {
            KvCursor cached = cache.indexEntries().visibleEntries(valuePrefix, snapshotTs, reverse, prefixShape);
            if (cached != null) {
                return cached;
            }
        }
        return scan(CatalogKeys.INDEXES, valuePrefix, IndexKeys.prefixEnd(valuePrefix), reverse);
    }

    /**
     * The visible version of each key in a range. A scan of current data mostly meets versions old
     * enough to read under the plain key, so the key and the payload are only copied out when asked
     * for (engines hand out fresh copies on every call), and the payload can be read in place.
     */
    private final class VisibleCursor implements StoredValueCursor {
        private final String keyspace;
        private final KvCursor newest;
        /** The engine cursor's in-place view of its values, when it has one. */
        private final ValueBufferCursor inPlace;
        private byte[] buffer;
        private int offset;
        private int end;
        private byte[] key;
        private byte[] value;
        private boolean positioned;
        /** The engine's key of the last entry {@link #nextRows} moved over (not to be changed), or null. */
        private byte[] gatheredLast;
        private byte[][] gatheredKeys;
        private byte[][] gatheredValues;
        /** After {@link #nextRowsPacked}: {@link #key()} asks the engine cursor (which stands on that entry). */
        private boolean lastKeyFromEngine;
        /** False once the engine said it does not pack values ({@link ValueBufferCursor#nextValues}). */
        private boolean packs = true;
        private int[] gatheredOffsets;
        private int[] gatheredLengths;
        /** Only a version too new for the snapshot needs its key (to find the older version). */
        private final ValueBufferCursor.KeyWanted tooNew = (v, o, length) -> (long) COMMIT_TS.get(v, o) > snapshotTs;

        VisibleCursor(String keyspace, KvCursor newest) {
            this.keyspace = keyspace;
            this.newest = newest;
            this.inPlace = newest instanceof ValueBufferCursor c ? c : null;
        }

        @Override
        public boolean next() {
            key = null;
            value = null;
            gatheredLast = null;
            lastKeyFromEngine = false;
            while (newest.next()) {
                byte[] stored;
                int length;
                if (inPlace != null) {
                    stored = inPlace.valueBuffer();
                    length = inPlace.valueLength();
                } else {
                    stored = newest.value();
                    length = stored.length;
                }
                // One 8-byte load instead of VersionLayout.commitTs's byte loop: this runs once per scanned row.
                if ((long) COMMIT_TS.get(stored, 0) <= snapshotTs) {
                    if (VersionLayout.isDeleted(stored)) {
                        continue;
                    }
                    buffer = stored;
                    offset = VersionLayout.PAYLOAD_OFFSET;
                    end = length;
                    positioned = true;
                    return true;
                }
                byte[] k = newest.key();
                byte[] older = visible(keyspace, k, stored);
                if (older != null) {
                    key = k;
                    value = older;
                    buffer = older;
                    offset = 0;
                    end = older.length;
                    positioned = true;
                    return true;
                }
            }
            buffer = null;
            positioned = false;
            return false;
        }

        @Override
        public byte[] key() {
            if (gatheredLast != null) {
                return gatheredLast.clone();
            }
            if (lastKeyFromEngine) {
                return newest.key();
            }
            if (key == null && positioned) {
                key = newest.key();
            }
            return key;
        }

        /**
         * Gathers entries from the engine in one go (see {@link ValueBufferCursor#nextEntries}), then checks their
         * versions: the same visibility as {@link #next()}, one row after another in a short loop.
         */
        @Override
        public int nextRows(byte[][] buffers, int[] offsets, int start, int max) {
            if (inPlace == null) {
                return -1;
            }
            if (packs) {
                int got = nextRowsPacked(buffers, offsets, start, max);
                if (got >= 0) {
                    return got;
                }
                packs = false;
            }
            if (gatheredKeys == null || gatheredKeys.length < max) {
                gatheredKeys = new byte[max][];
                gatheredValues = new byte[max][];
            }
            byte[][] keys = gatheredKeys;
            byte[][] values = gatheredValues;
            int m = 0;
            while (m == 0) {
                int got = inPlace.nextEntries(keys, values, max);
                if (got <= 0) {
                    if (got == 0) {
                        positioned = false;
                        buffer = null;
                    }
                    return got;
                }
                positioned = false;
                key = null;
                value = null;
                buffer = null;
                gatheredLast = keys[got - 1];
                for (int i = 0; i < got; i++) {
                    byte[] stored = values[i];
                    if ((long) COMMIT_TS.get(stored, 0) <= snapshotTs) {
                        if (!VersionLayout.isDeleted(stored)) {
                            buffers[start + m] = stored;
                            offsets[start + m] = VersionLayout.PAYLOAD_OFFSET;
                            m++;
                        }
                    } else {
                        byte[] older = visible(keyspace, keys[i], stored);
                        if (older != null) {
                            buffers[start + m] = older;
                            offsets[start + m] = 0;
                            m++;
                        }
                    }
                }
                java.util.Arrays.fill(values, 0, got, null);
            }
            return m;
        }

        /** {@link #nextRows} through {@link ValueBufferCursor#nextValues}: values packed, keys only where needed. */
        private int nextRowsPacked(byte[][] buffers, int[] offsets, int start, int max) {
            if (gatheredKeys == null || gatheredKeys.length < max) {
                gatheredKeys = new byte[max][];
                gatheredValues = new byte[max][];
            }
            if (gatheredOffsets == null || gatheredOffsets.length < max) {
                gatheredOffsets = new int[max];
                gatheredLengths = new int[max];
            }
            byte[][] keys = gatheredKeys;
            byte[][] values = gatheredValues;
            int[] at = gatheredOffsets;
            int[] lengths = gatheredLengths;
            int m = 0;
            while (m == 0) {
                int got = inPlace.nextValues(values, at, lengths, keys, tooNew, max);
                if (got <= 0) {
                    if (got == 0) {
                        positioned = false;
                        buffer = null;
                        lastKeyFromEngine = false;
                    }
                    return got;
                }
                positioned = false;
                key = null;
                value = null;
                buffer = null;
                gatheredLast = null;
                lastKeyFromEngine = true;
                for (int i = 0; i < got; i++) {
                    byte[] stored = values[i];
                    int o = at[i];
                    if ((long) COMMIT_TS.get(stored, o) <= snapshotTs) {
                        if (!VersionLayout.isDeleted(stored, o)) {
                            buffers[start + m] = stored;
                            offsets[start + m] = o + VersionLayout.PAYLOAD_OFFSET;
                            m++;
                        }
                    } else {
                        byte[] older = visible(keyspace, keys[i], Arrays.copyOfRange(stored, o, o + lengths[i]));
                        if (older != null) {
                            buffers[start + m] = older;
                            offsets[start + m] = 0;
                            m++;
                        }
                    }
                }
                Arrays.fill(values, 0, got, null);
                Arrays.fill(keys, 0, got, null);
            }
            return m;
        }

        @Override
        public byte[] value() {
            if (value == null && positioned) {
                value = Arrays.copyOfRange(buffer, offset, end);
            }
            return value;
        }

        @Override
        public byte[] valueBuffer() {
            return buffer;
        }

        @Override
        public int valueOffset() {
            return offset;
        }

        @Override
        public void close() {
            newest.close();
        }
    }
}
