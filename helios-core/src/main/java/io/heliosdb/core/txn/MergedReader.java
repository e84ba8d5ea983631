package io.heliosdb.core.txn;

import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.KvReader;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;

/** Reads a transaction's own writes over a committed snapshot: the overlay wins, tombstones hide. */
public final class MergedReader implements KvReader {
    private final WriteOverlay overlay;
    private final KvReader base;
    /** A SERIALIZABLE transaction's read tracking (SSI), told of each read before it is made; else null. */
    private final io.heliosdb.core.txn.ssi.ReadTracking tracking;

    public MergedReader(WriteOverlay overlay, KvReader base) {
        this(overlay, base, null);
    }

    MergedReader(WriteOverlay overlay, KvReader base, io.heliosdb.core.txn.ssi.ReadTracking tracking) {
        this.overlay = overlay;
        this.base = base;
        this.tracking = tracking;
    }

    /** The same committed reads under another overlay. */
    MergedReader over(WriteOverlay other) {
        return new MergedReader(other, base, tracking);
    }

    /**
     * Whether reading {@code [from, to)} of {@code keyspace} from the committed data alone gives what a scan here
     * gives: no own write in the range, and no SERIALIZABLE read tracking (which must hear of the scan).
     */
    boolean committedOnly(String keyspace, byte[] from, byte[] to) {
        if (tracking != null) {
            return false;
        }
        byte[] last = overlay.lastKeyBelow(keyspace, to);
        return last == null || java.util.Arrays.compareUnsigned(last, from) < 0;
    }

    @Override
    public byte[] get(String keyspace, byte[] key) {
        if (tracking != null) {
            tracking.point(keyspace, key);
        }
        byte[] own = overlay.lookup(keyspace, key);
        if (own != null) {
            return own == WriteOverlay.TOMBSTONE ? null : own;
        }
        return base.get(keyspace, key);
    }

    @Override
    public KvCursor scan(String keyspace, byte[] from, byte[] to, boolean reverse) {
        if (tracking != null) {
            tracking.range(keyspace, from, to);
        }
        return merge(overlay.range(keyspace, from, to), base.scan(keyspace, from, to, reverse), reverse);
    }

    /** The index entries under one full key value: the committed ones through the index cache when there is one. */
    KvCursor scanIndexValue(byte[] valuePrefix) {
        return scanIndexValue(valuePrefix, false, null);
    }

    /** As {@link #scanIndexValue(byte[])} for a key value or equality prefix (see {@link SnapshotReader#scanIndexValue}). */
    KvCursor scanIndexValue(byte[] valuePrefix, boolean reverse, IndexKeyShape prefixShape) {
        if (tracking != null) {
            tracking.range(io.heliosdb.core.catalog.CatalogKeys.INDEXES, valuePrefix, IndexKeys.prefixEnd(valuePrefix));
        }
        if (!(base instanceof SnapshotReader snapshot)) {
            return scan(io.heliosdb.core.catalog.CatalogKeys.INDEXES, valuePrefix, IndexKeys.prefixEnd(valuePrefix),
                    reverse);
        }
        NavigableMap<byte[], byte[]> own = overlay.range(io.heliosdb.core.catalog.CatalogKeys.INDEXES, valuePrefix,
                IndexKeys.prefixEnd(valuePrefix));
        return merge(own, snapshot.scanIndexValue(valuePrefix, reverse, prefixShape), reverse);
    }

    private static KvCursor merge(NavigableMap<byte[], byte[]> own, KvCursor committed, boolean reverse) {
        if (own.isEmpty()) {
            return committed;
        }
        Iterator<Map.Entry<byte[], byte[]>> it = (reverse ? own.descendingMap() : own).entrySet().iterator();
        return new MergingCursor(it, committed, reverse);
    }

    /** A merge of two sorted streams where the overlay's entry replaces the committed one with the same key. */
    private static final class MergingCursor implements KvCursor {
        private final Iterator<Map.Entry<byte[], byte[]>> own;
        private final KvCursor committed;
        private final int direction;
        private Map.Entry<byte[], byte[]> ownHead;
        private boolean committedHasHead;
        private boolean started;
        private byte[] key;
        private byte[] value;

        MergingCursor(Iterator<Map.Entry<byte[], byte[]>> own, KvCursor committed, boolean reverse) {
            this.own = own;
            this.committed = committed;
            this.direction = reverse ? -1 : 1;
        }

        @Override
        public boolean next() {
            if (!started) {
                started = true;
                ownHead = own.hasNext() ? own.next() : null;
                committedHasHead = committed.next();
            }
            while (ownHead != null || committedHasHead) {
                int cmp;
                if (ownHead == null) {
                    cmp = 1;
                } else if (!committedHasHead) {
                    cmp = -1;
                } else {
                    cmp = direction * WriteOverlay.UNSIGNED.compare(ownHead.getKey(), committed.key());
                }
                if (cmp > 0) {
                    key = committed.key();
                    value = committed.value();
                    committedHasHead = committed.next();
                    return true;
                }
                Map.Entry<byte[], byte[]> e = ownHead;
                ownHead = own.hasNext() ? own.next() : null;
                if (cmp == 0) {
                    committedHasHead = committed.next();
                }
                if (e.getValue() != WriteOverlay.TOMBSTONE) {
                    key = e.getKey();
                    value = e.getValue();
                    return true;
                }
            }
            key = null;
            value = null;
            return false;
        }

        @Override
        public byte[] key() {
            return key;
        }

        @Override
        public byte[] value() {
            return value;
        }

        @Override
        public void close() {
            committed.close();
        }
    }
}
