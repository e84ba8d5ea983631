package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import io.heliosdb.spi.WriteBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;

/**
 * Removes versions no snapshot can read. A version committed at {@code ts} and replaced at
 * {@code next} is read only by snapshots in {@code [ts, next)}; it is kept when an open snapshot
 * lies there, or when it may still be needed by a snapshot opened from now on (all of which are at
 * or after {@code visible}, the newest applied commit when the open set was taken). So history
 * between two open snapshots is reclaimed too, not only history older than the oldest one.
 *
 * <p>Deleting history under a live newest version needs no lock: a concurrent commit only adds a
 * newer version entry, which this pass never saw. Removing a deletion marker from under the plain key
 * does: it goes only when the key's history is all garbage and no open snapshot is older than the
 * deletion, and it is re-read and deleted, <em>in one write with that history</em>, while no commit group
 * writes ({@link GroupCommitter#excludingWrites}), so a concurrent insert is never erased. The key's lock
 * alone would not do: index entries are written without one. (A row key is also try-locked, so a row a
 * writer holds keeps its marker for a later pass.) The history must go in the same write: once the
 * marker is gone a fresh insert of the key writes no history of its own, and a snapshot older than that
 * insert would find the dead row's last version where the marker used to stop it.
 *
 * <p>History whose plain key is gone (left by a crash between those two writes before they were one)
 * is read by nobody, as readers stop at the missing plain key, and is removed under the same exclusion.
 */
public final class VersionVacuum {
    /** What one pass removed. */
    public record Result(long versionsRemoved, long deletionsRemoved) {
    }

    /** The owner id vacuum locks under; transaction ids start at 1. */
    private static final long VACUUM_OWNER = 0;
    private static final int FLUSH_OPS = 1000;

    private final StorageEngine engine;
    private final LockTable locks;
    private final GroupCommitter committer;
    private final RowCache cache;
    private WriteBatch pending = new WriteBatch();
    private long versionsRemoved;
    private long deletionsRemoved;

    /** {@code cache}: the row cache to drop removed deletion markers from, or null. */
    VersionVacuum(StorageEngine engine, LockTable locks, GroupCommitter committer, RowCache cache) {
        this.engine = engine;
        this.locks = locks;
        this.committer = committer;
        this.cache = cache;
    }

    /** {@code readers}: the open snapshots plus {@code visible}, the newest applied commit when they were taken. */
    Result run(NavigableSet<Long> readers, long visible) {
        byte[] group = null;
        List<byte[]> versions = new ArrayList<>();
        try (KvCursor c = engine.scan(VersionLayout.VERSIONS, null, null, false)) {
            while (c.next()) {
                if (Thread.currentThread().isInterrupted()) {
                    // Closing: stop between groups (the pass is incremental; the next open's vacuum goes on).
                    flush();
                    return new Result(versionsRemoved, deletionsRemoved);
                }
                byte[] g = VersionLayout.versionGroup(c.key());
                if (group != null && !Arrays.equals(group, g)) {
                    collect(group, versions, readers, visible);
                    versions.clear();
                }
                group = g;
                versions.add(c.key());
            }
        }
        if (group != null) {
            collect(group, versions, readers, visible);
        }
        flush();
        return new Result(versionsRemoved, deletionsRemoved);
    }

    /** {@code versionKeys} newest first, as the versions keyspace orders them. */
    private void collect(byte[] group, List<byte[]> versionKeys, NavigableSet<Long> readers, long visible) {
        String keyspace = VersionLayout.groupKeyspace(group);
        byte[] key = VersionLayout.groupKey(group);
        byte[] newest = engine.get(keyspace, key);
        if (newest == null) {
            removeWithKey(keyspace, key, versionKeys, Long.MIN_VALUE);
            return;
        }
        long next = VersionLayout.commitTs(newest);
        List<byte[]> garbage = new ArrayList<>();
        for (byte[] vk : versionKeys) {
            long ts = VersionLayout.versionTs(vk);
            Long reader = readers.ceiling(ts);
            if (ts <= visible && (reader == null || reader >= next)) {
                garbage.add(vk);
            }
            next = ts;
        }
        if (garbage.size() == versionKeys.size() && VersionLayout.isDeleted(newest)) {
            // Marker and history go together or not at all; what stays is found again by a later pass.
            removeDeletion(keyspace, key, garbage, readers.first());
            return;
        }
        garbage.forEach(this::removeVersion);
    }

    private void removeVersion(byte[] versionKey) {
        pending.delete(VersionLayout.VERSIONS, versionKey);
        versionsRemoved++;
        if (pending.size() >= FLUSH_OPS) {
            flush();
        }
    }

    private void removeDeletion(String keyspace, byte[] key, List<byte[]> history, long horizon) {
        LockKey lockKey = new LockKey(keyspace, key);
        if (!locks.tryAcquire(VACUUM_OWNER, lockKey, LockTable.Mode.EXCLUSIVE)) {
            return;
        }
        try {
            removeWithKey(keyspace, key, history, horizon);
        } finally {
            locks.releaseAll(VACUUM_OWNER, List.of(lockKey));
        }
    }

    /**
     * Deletes {@code history} together with the plain key's deletion marker when the key, re-read while no
     * commit writes, still holds one committed at or before {@code horizon}; or {@code history} alone when the
     * plain key is gone. Anything else there now (a commit came in between) leaves both for a later pass.
     */
    private void removeWithKey(String keyspace, byte[] key, List<byte[]> history, long horizon) {
        int removed = committer.excludingWrites(() -> {
            byte[] stored = engine.get(keyspace, key);
            boolean marker = stored != null && VersionLayout.isDeleted(stored)
                    && VersionLayout.commitTs(stored) <= horizon;
            if (stored != null && !marker) {
                return -1;
            }
            WriteBatch batch = new WriteBatch();
            if (marker) {
                batch.delete(keyspace, key);
            }
            history.forEach(vk -> batch.delete(VersionLayout.VERSIONS, vk));
            engine.write(batch, false);
            return marker ? 1 : 0;
        });
        if (removed < 0) {
            return;
        }
        versionsRemoved += history.size();
        if (removed > 0) {
            if (cache != null && keyspace.equals(CatalogKeys.ROWS)) {
                cache.invalidate(key);
            }
            deletionsRemoved++;
        }
    }

    private void flush() {
        if (!pending.isEmpty()) {
            engine.write(pending, false);
            pending = new WriteBatch();
        }
    }
}
