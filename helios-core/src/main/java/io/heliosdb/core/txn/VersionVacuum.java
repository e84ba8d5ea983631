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
    /**
     * Deletion markers removed in one write, under one exclusion of commit writes: a table rewrite (ALTER TABLE ...
     * ADD PRIMARY KEY after pgbench -i) leaves one per row, and one storage write and one wait of the commits per
     * marker made 500,000 of them 500,001 writes and 7.2 s of the vacuum thread's CPU (6.2 s in 1,955 writes so).
     */
    static final int MARKERS_PER_WRITE = 256;

    /** A key whose deletion marker (or missing plain key) waits to go with its history. */
    private static final class Marker {
        final String keyspace;
        final byte[] key;
        final List<byte[]> history;
        /** The newest marker commit that may go; MIN_VALUE: the plain key was gone. */
        final long horizon;
        boolean hadMarker;

        Marker(String keyspace, byte[] key, List<byte[]> history, long horizon) {
            this.keyspace = keyspace;
            this.key = key;
            this.history = history;
            this.horizon = horizon;
        }
    }

    private final StorageEngine engine;
    private final LockTable locks;
    private final GroupCommitter committer;
    private final RowCache cache;
    private WriteBatch pending = new WriteBatch();
    private List<Marker> markers = new ArrayList<>();
    private final List<byte[]> kept = new ArrayList<>();
    private boolean stopped;
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
                    return stop();
                }
                byte[] g = VersionLayout.versionGroup(c.key());
                if (group != null && !Arrays.equals(group, g)) {
                    collect(group, versions, readers, visible, true);
                    versions.clear();
                }
                group = g;
                versions.add(c.key());
            }
        }
        if (group != null) {
            collect(group, versions, readers, visible, true);
        }
        flush();
        return new Result(versionsRemoved, deletionsRemoved);
    }

    /**
     * Like {@link #run(NavigableSet, long)}, over {@code written} only: version keys sorted as the versions keyspace
     * orders them, no key twice (see {@link WrittenVersions}). A key whose newest version is a deletion marker (or
     * gone) has its whole history read from storage, as the marker may go only together with all of it.
     */
    Result run(NavigableSet<Long> readers, long visible, List<byte[]> written) {
        List<byte[]> versions = new ArrayList<>();
        int i = 0;
        while (i < written.size()) {
            if (Thread.currentThread().isInterrupted()) {
                return stop();
            }
            byte[] group = VersionLayout.versionGroup(written.get(i));
            versions.clear();
            while (i < written.size() && sameGroup(group, written.get(i))) {
                versions.add(written.get(i++));
            }
            collect(group, versions, readers, visible, false);
        }
        flush();
        return new Result(versionsRemoved, deletionsRemoved);
    }

    /** The versions this pass kept, or found removable but could not remove yet: a later pass looks again. */
    List<byte[]> kept() {
        return kept;
    }

    /** Whether the pass stopped early (interrupted): what it kept is then incomplete. */
    boolean stopped() {
        return stopped;
    }

    private Result stop() {
        flush();
        stopped = true;
        return new Result(versionsRemoved, deletionsRemoved);
    }

    private static boolean sameGroup(byte[] group, byte[] versionKey) {
        return versionKey.length == group.length + 8
                && Arrays.equals(group, 0, group.length, versionKey, 0, group.length);
    }

    /** Every stored version of the group's key, newest first. */
    private List<byte[]> history(String keyspace, byte[] key) {
        List<byte[]> all = new ArrayList<>();
        try (KvCursor c = engine.scan(VersionLayout.VERSIONS, VersionLayout.versionKey(keyspace, key, Long.MAX_VALUE),
                VersionLayout.versionsEnd(keyspace, key), false)) {
            while (c.next()) {
                all.add(c.key());
            }
        }
        return all;
    }

    /**
     * {@code versionKeys} newest first, as the versions keyspace orders them; {@code complete}: all the key's stored
     * history (a full scan), else a part of it, complete only where the newest version is live.
     */
    private void collect(byte[] group, List<byte[]> versionKeys, NavigableSet<Long> readers, long visible,
                         boolean complete) {
        String keyspace = VersionLayout.groupKeyspace(group);
        byte[] key = VersionLayout.groupKey(group);
        byte[] newest = engine.get(keyspace, key);
        if (!complete && (newest == null || VersionLayout.isDeleted(newest))) {
            versionKeys = history(keyspace, key);
            if (versionKeys.isEmpty()) {
                return;
            }
        }
        if (newest == null) {
            removeDeletion(keyspace, key, versionKeys, Long.MIN_VALUE);
            return;
        }
        long next = VersionLayout.commitTs(newest);
        List<byte[]> garbage = new ArrayList<>();
        List<byte[]> live = new ArrayList<>();
        for (byte[] vk : versionKeys) {
            long ts = VersionLayout.versionTs(vk);
            Long reader = readers.ceiling(ts);
            if (ts <= visible && (reader == null || reader >= next)) {
                garbage.add(vk);
            } else {
                live.add(vk);
            }
            next = ts;
        }
        if (live.isEmpty() && VersionLayout.isDeleted(newest)) {
            // Marker and history go together or not at all; what stays is found again by a later pass.
            removeDeletion(keyspace, key, garbage, readers.first());
            return;
        }
        garbage.forEach(this::removeVersion);
        kept.addAll(live);
    }

    private void removeVersion(byte[] versionKey) {
        pending.delete(VersionLayout.VERSIONS, versionKey);
        versionsRemoved++;
        if (pending.size() >= FLUSH_OPS) {
            flush();
        }
    }

    /**
     * Queues a key whose deletion marker (or missing plain key, {@code horizon} MIN_VALUE) goes with its
     * history; removed with the others queued, {@value #MARKERS_PER_WRITE} keys to one exclusion and write.
     */
    private void removeDeletion(String keyspace, byte[] key, List<byte[]> history, long horizon) {
        markers.add(new Marker(keyspace, key, List.copyOf(history), horizon));
        if (markers.size() >= MARKERS_PER_WRITE) {
            removeMarkers();
        }
    }

    /**
     * Deletes each queued key's {@code history} together with the plain key's deletion marker when the key,
     * re-read while no commit writes, still holds one committed at or before its {@code horizon}; or the history
     * alone when the plain key is gone. Anything else there now (a commit came in between) leaves both for a
     * later pass. A row key is try-locked first (a row a writer holds keeps its marker for a later pass); all
     * of them are checked and deleted in one write under one exclusion, each marker with its history.
     */
    private void removeMarkers() {
        if (markers.isEmpty()) {
            return;
        }
        List<Marker> queued = markers;
        markers = new ArrayList<>();
        List<Marker> held = new ArrayList<>(queued.size());
        List<LockKey> locked = new ArrayList<>(queued.size());
        for (Marker m : queued) {
            if (m.horizon == Long.MIN_VALUE) {
                held.add(m); // the plain key is gone: nothing to lock
                continue;
            }
            LockKey lockKey = new LockKey(m.keyspace, m.key);
            if (locks.tryAcquire(VACUUM_OWNER, lockKey, LockTable.Mode.EXCLUSIVE)) {
                locked.add(lockKey);
                held.add(m);
            } else {
                kept.addAll(m.history);
            }
        }
        try {
            List<Marker> removed = committer.excludingWrites(() -> {
                WriteBatch batch = new WriteBatch();
                List<Marker> gone = new ArrayList<>(held.size());
                for (Marker m : held) {
                    byte[] stored = engine.get(m.keyspace, m.key);
                    boolean marker = stored != null && VersionLayout.isDeleted(stored)
                            && VersionLayout.commitTs(stored) <= m.horizon;
                    if (stored != null && !marker) {
                        kept.addAll(m.history); // a commit came in between: a later pass looks again
                        continue;
                    }
                    if (marker) {
                        batch.delete(m.keyspace, m.key);
                    }
                    m.history.forEach(vk -> batch.delete(VersionLayout.VERSIONS, vk));
                    m.hadMarker = marker;
                    gone.add(m);
                }
                if (!batch.isEmpty()) {
                    engine.write(batch, false);
                }
                return gone;
            });
            for (Marker m : removed) {
                versionsRemoved += m.history.size();
                if (m.hadMarker) {
                    if (cache != null && m.keyspace.equals(CatalogKeys.ROWS)) {
                        cache.invalidate(m.key);
                    }
                    deletionsRemoved++;
                }
            }
        } finally {
            if (!locked.isEmpty()) {
                locks.releaseAll(VACUUM_OWNER, locked);
            }
        }
    }

    private void flush() {
        removeMarkers();
        if (!pending.isEmpty()) {
            engine.write(pending, false);
            pending = new WriteBatch();
        }
    }
}
