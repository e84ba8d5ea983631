package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.core.encoding.SelectiveRowDecoder;
import io.heliosdb.spi.StorageEngine;

/**
 * One row read outside any transaction, as an autocommit point SELECT does: no transaction, no
 * statement reads, no snapshot registration in the common case.
 *
 * <p>Why an unregistered snapshot suffices. The read takes {@code ts}, the newest applied commit, then
 * gets the plain row key once. If the stored version is at or below {@code ts} it is the newest version
 * at or below {@code ts} (a newer one would have replaced it under the plain key), so it is exactly
 * what a snapshot at {@code ts} sees; vacuum never removes a live newest version, and removes a
 * deletion marker only once it is visible to every snapshot, so a missing key is absent at a
 * snapshot taken at the get. Only a version committed after {@code ts} needs history, which vacuum
 * may be removing: that read starts again through a registered snapshot. The row cache keeps the
 * same rule ({@link RowCache#newestVisible}: an entry is never older than a visible commit).
 */
public final class LatestRowRead {
    private final StorageEngine engine;
    private final GroupCommitter committer;
    private final SnapshotRegistry snapshots;
    private final RowCache cache;

    LatestRowRead(StorageEngine engine, GroupCommitter committer, SnapshotRegistry snapshots, RowCache cache) {
        this.engine = engine;
        this.committer = committer;
        this.snapshots = snapshots;
        this.cache = cache;
    }

    /**
     * The row stored under {@code rowKey} as the newest applied commit sees it, decoded by
     * {@code decoder} straight out of the stored version; null when there is none.
     */
    public Object[] read(byte[] rowKey, SelectiveRowDecoder decoder) {
        byte[] stored = storedVersion(rowKey);
        return stored == null ? null : decoder.decode(stored, VersionLayout.PAYLOAD_OFFSET);
    }

    /** The visible stored version (header included) of a live row, or null; the caller must not change it. */
    byte[] storedVersion(byte[] rowKey) {
        long ts = committer.visibleTs();
        byte[] stored = cache != null ? cache.newestVisible(rowKey, ts) : null;
        if (stored == null) {
            stored = engine.getShared(CatalogKeys.ROWS, rowKey); // only decoded, never changed
            if (stored != null && VersionLayout.commitTs(stored) > ts) {
                return registered(rowKey);
            }
        }
        return stored == null || VersionLayout.isDeleted(stored) ? null : stored;
    }

    /** The read through a registered snapshot, which keeps the history it may need from vacuum. */
    private byte[] registered(byte[] rowKey) {
        long ts = snapshots.open();
        try {
            return new SnapshotReader(engine, ts, cache).getVersion(CatalogKeys.ROWS, rowKey);
        } finally {
            snapshots.close(ts);
        }
    }
}
