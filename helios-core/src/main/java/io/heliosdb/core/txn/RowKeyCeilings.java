package io.heliosdb.core.txn;

import io.heliosdb.core.catalog.CatalogKeys;
import io.heliosdb.spi.KvCursor;
import io.heliosdb.spi.StorageEngine;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For each table, a row key at or above every row key the table has in storage (its "ceiling"). An
 * INSERT checks its primary key for uniqueness under the key's lock; a key above the ceiling has no
 * stored version, so ascending keys (serials, timestamps, the usual bulk load) skip the storage read.
 *
 * <p>Why a key above the ceiling is free: a commit writes a row key only while holding that key's
 * lock, and raises the ceiling after its storage write and before it releases its locks; whoever
 * takes the lock next therefore sees the raised ceiling. A ceiling is loaded from storage on first
 * use (the table's greatest stored key); a commit racing that load either wrote before it (the load's
 * scan sees the key) or raises the loaded ceiling after it (both run in the map's compute for the
 * table). Deletions never add keys, and a failed commit drops the ceilings, which then reload from
 * whatever reached storage.
 */
final class RowKeyCeilings {
    private final StorageEngine engine;
    private final ConcurrentHashMap<Long, byte[]> ceilings = new ConcurrentHashMap<>();

    RowKeyCeilings(StorageEngine engine) {
        this.engine = engine;
    }

    /** Whether {@code rowKey} of table {@code tableId} sorts above every stored row key; ask under the key's lock. */
    boolean above(long tableId, byte[] rowKey) {
        byte[] ceiling = ceilings.get(tableId);
        if (ceiling == null) {
            ceiling = ceilings.computeIfAbsent(tableId, this::load);
        }
        return Arrays.compareUnsigned(rowKey, ceiling) > 0;
    }

    /** The table's greatest stored row key, or its bare prefix (below all its keys) when it has none. */
    private byte[] load(long tableId) {
        try (KvCursor c = engine.scan(CatalogKeys.ROWS, CatalogKeys.rowPrefix(tableId),
                CatalogKeys.rowPrefixEnd(tableId), true)) {
            return c.next() ? c.key().clone() : CatalogKeys.rowPrefix(tableId);
        }
    }

    /**
     * After a commit's storage write, before it releases its locks: raises the loaded ceilings of the
     * tables it wrote rows of (one lookup per table, from the greatest key down).
     */
    void written(WriteOverlay overlay) {
        if (ceilings.isEmpty()) {
            return;
        }
        byte[] key = overlay.lastKeyBelow(CatalogKeys.ROWS, null);
        while (key != null) {
            long tableId = CatalogKeys.readLong(key);
            byte[] greatest = key;
            ceilings.computeIfPresent(tableId, (id, ceiling) ->
                    Arrays.compareUnsigned(greatest, ceiling) > 0 ? greatest : ceiling);
            key = overlay.lastKeyBelow(CatalogKeys.ROWS, CatalogKeys.rowPrefix(tableId));
        }
    }

    /** A commit failed after its batch may have reached the engine: every ceiling reloads from storage. */
    void forgetAll() {
        ceilings.clear();
    }
}
