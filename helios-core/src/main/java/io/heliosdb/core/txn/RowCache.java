package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.KvReader;
import io.heliosdb.spi.WriteBatch;
import java.util.Arrays;

/**
 * The Hybrid-mode row cache: a {@link CacheLayer} in front of the plain row key, holding the newest
 * stored version of a row exactly as storage holds it ({@code [commit ts][kind][payload]}, see
 * {@link VersionLayout}), so a reader still compares the version's commit timestamp with its snapshot.
 *
 * <p>Why a reader never sees what its snapshot must not see. The invariant is: <em>an entry for key
 * k is never older than a version of k whose commit is visible</em>. Two rules keep it.
 * <ol>
 *   <li>A commit invalidates every row key it wrote after its batch is in storage and before its
 *       timestamp becomes visible ({@link GroupCommitter} runs the invalidation in {@code onApplied},
 *       before {@code visibleTs} moves), so no snapshot that includes the commit can start while an
 *       older entry is cached. (Invalidating before the write as well would add nothing: until the
 *       commit is visible, the older entry is exactly what every snapshot must see.)</li>
 *   <li>A read-through may race with that commit: it reads the old version from storage just before
 *       the write, and would put it back just after the invalidation. So each key hashes to a stripe
 *       with a generation counter: the reader takes the generation <em>before</em> its storage read
 *       and fills only if, under the stripe's monitor, the generation is unchanged; invalidation bumps
 *       the generation and removes the entry under the same monitor. If the commit's write came after
 *       the reader's storage read, its bump came after the reader took the generation, so the fill is
 *       either refused (bump first) or removed (fill first). If the write came before the read, the
 *       reader read the new version. Fills read the live engine, never a statement's read view, whose
 *       contents may predate the generation the reader took.</li>
 * </ol>
 * Not every miss fills once the layer is full: {@link AdmissionDoorkeeper} then lets a row in on its second miss
 * within a window, so rows read once cost no put and do not push out hot ones (skipping a fill never changes what
 * is read). While the layer has room every miss fills: keeping a row evicts nothing then, and a doorkeeper there
 * only slows the filling (zipfian reads over 1M rows: after 500,000 reads the cache of a tenth of the data held
 * 60,000 rows with it and 161,000 without; hit rate over the next 200,000 reads 76% against 84%).
 * A cached version newer than the reader's snapshot is not used: the reader takes the ordinary path
 * through its read view and the versions keyspace. Vacuum only removes history and deletion markers
 * older than every snapshot; it invalidates the markers it removes all the same, to free the bytes.
 */
public final class RowCache {
    private static final int STRIPES = 1024;

    private final CacheLayer layer;
    private final KvReader live;
    private final long[] generations = new long[STRIPES];
    private final Object[] monitors = new Object[STRIPES];
    private final IndexEntryCache indexEntries;
    private final AdmissionDoorkeeper doorkeeper;
    /** Misses between two looks at whether the layer is full (a look is a {@code stats()} call). */
    static final int FULLNESS_CHECK_INTERVAL = 1024;
    /** Counted without synchronisation: a lost increment only moves the next look by one miss. */
    private int missesSinceCheck;
    private volatile boolean layerFull;

    /** {@code live}: the engine itself (not a read view), which fills read from. */
    public RowCache(CacheLayer layer, KvReader live) {
        this.layer = layer;
        this.live = live;
        this.indexEntries = new IndexEntryCache(layer, live);
        this.doorkeeper = AdmissionDoorkeeper.forCapacity(layer.capacityBytes());
        this.layerFull = doorkeeper != null && isFull(layer);
        for (int i = 0; i < STRIPES; i++) {
            monitors[i] = new Object();
        }
    }

    public CacheLayer layer() {
        return layer;
    }

    /** The index lookups sharing this cache's layer and commit invalidation. */
    IndexEntryCache indexEntries() {
        return indexEntries;
    }

    /**
     * The newest stored version of a row if it is visible at {@code snapshotTs} (from the cache, or read
     * through and cached); null when the caller must take the ordinary snapshot path (absent row, or a
     * newest version committed after the snapshot).
     */
    byte[] newestVisible(byte[] key, long snapshotTs) {
        byte[] cached = layer.get(CatalogKeys.ROWS, key);
        if (cached != null) {
            return VersionLayout.commitTs(cached) <= snapshotTs ? cached : null;
        }
        if (doorkeeper != null && layerFull() && !doorkeeper.admit(key)) {
            byte[] newest = live.get(CatalogKeys.ROWS, key); // not kept: no generation to take
            return newest != null && VersionLayout.commitTs(newest) <= snapshotTs ? newest : null;
        }
        int stripe = stripe(key);
        long generation;
        synchronized (monitors[stripe]) {
            generation = generations[stripe];
        }
        byte[] newest = live.get(CatalogKeys.ROWS, key);
        if (newest == null) {
            return null;
        }
        synchronized (monitors[stripe]) {
            if (generations[stripe] == generation) {
                layer.put(CatalogKeys.ROWS, key, newest);
            }
        }
        // Commits are written in timestamp order, so a newest version at or before the snapshot is the one it sees.
        return VersionLayout.commitTs(newest) <= snapshotTs ? newest : null;
    }

    /** Whether the layer was within a tenth of its capacity at the last look, looking again every so many misses. */
    private boolean layerFull() {
        if (++missesSinceCheck >= FULLNESS_CHECK_INTERVAL) {
            missesSinceCheck = 0;
            layerFull = isFull(layer);
        }
        return layerFull;
    }

    private static boolean isFull(CacheLayer layer) {
        return layer.stats().bytesUsed() >= layer.capacityBytes() * 9 / 10;
    }

    /**
     * Invalidates every row key and index lookup a commit batch writes (call after the write, before the
     * commit is visible).
     */
    void invalidate(WriteBatch batch) {
        indexEntries.invalidate(batch);
        for (WriteBatch.Op op : batch.ops()) {
            if (op.keyspace().equals(CatalogKeys.ROWS)) {
                invalidate(op.key());
            }
        }
    }

    void invalidate(byte[] key) {
        int stripe = stripe(key);
        synchronized (monitors[stripe]) {
            generations[stripe]++;
            layer.invalidate(CatalogKeys.ROWS, key);
        }
    }

    private static int stripe(byte[] key) {
        return (Arrays.hashCode(key) & 0x7fffffff) % STRIPES;
    }
}
