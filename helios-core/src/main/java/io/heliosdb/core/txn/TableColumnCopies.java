package io.heliosdb.core.txn;

import io.heliosdb.api.SqlType;
import io.heliosdb.core.catalog.CatalogKeys;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Decoded copies of a table's integer columns (smallint, integer, bigint) as primitive arrays, kept while no commit
 * writes the table, so a repeated aggregate over an unchanged table reads arrays instead of decoding every stored
 * row again (Memory-only mode: the rows are in RAM already, decoding them was most of a scan's time).
 *
 * <p>Why a reader never reads a copy its snapshot must not see. Every commit records, per table it wrote (hashed
 * to one of {@link #STRIPES} slots, so tables may share one), its timestamp in {@link #written}, after its batch is
 * in storage and before it becomes visible (the commit's {@code onApplied}, in timestamp order). A copy is read at
 * snapshot {@code b} without own writes of the table. A reader at snapshot {@code s} uses it only while its slot's
 * timestamp {@code w <= min(s, b)}: a commit to the table between {@code b} and {@code s} (either way round) was
 * visible to the later of the two snapshots, so it had recorded its timestamp before that snapshot was taken, and
 * {@code w} would be above the earlier one. Timestamps only grow, so a copy found stale once is dropped.
 * The catalog is not part of this: a copy also names the column types it was decoded with, and a table whose
 * columns changed is read again.
 *
 * <p>A copy costs one more scan, so it is made at a table's second batched scan with no write in between (the
 * first one only notes that), and only while all copies together stay under {@link #budget} bytes
 * (1/16 of the heap); a copy holds 8 bytes per row and column, plus one where a column has nulls.
 */
final class TableColumnCopies {
    static final int STRIPES = 1024;
    /** Turns the copies off ({@code -Dhelios.scan.columnCopies=false}), e.g. to measure scans without them. */
    static final String PROPERTY = "helios.scan.columnCopies";

    /** One table's copy: the rows visible at {@code snapshotTs}, in key order, columns decoded with {@code types}. */
    record Copy(long tableId, SqlType[] types, long snapshotTs, int rows, long[][] longs, boolean[][] nulls,
                long bytes) {
        boolean covers(boolean[] columns) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i] && (i >= longs.length || longs[i] == null)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A batched scan that found no copy: the next one with the same write timestamp and types makes one. */
    private record Seen(long written, SqlType[] types, boolean refused) {
    }

    private final AtomicLongArray written = new AtomicLongArray(STRIPES);
    private final ConcurrentHashMap<Long, Copy> copies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Seen> seen = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong built = new AtomicLong();
    private final AtomicLong served = new AtomicLong();
    private final long budget;
    private volatile boolean disabled;

    TableColumnCopies(long budget) {
        this.budget = budget;
    }

    /** Copies for an engine: only one that is not persistent (Memory-only), unless the property turns them off. */
    static TableColumnCopies forEngine(boolean persistent) {
        boolean on = Boolean.parseBoolean(System.getProperty(PROPERTY, "true").strip());
        return persistent || !on ? null : new TableColumnCopies(Runtime.getRuntime().maxMemory() / 16);
    }

    /**
     * Notes a commit's row writes: the distinct tables of the rows keyspace in {@code overlay} (walked from the
     * top, one lookup per table). Runs before the commit is visible, in timestamp order.
     */
    void committed(WriteOverlay overlay, long ts) {
        if (!overlay.touches(CatalogKeys.ROWS)) {
            return;
        }
        byte[] bound = null;
        while (true) {
            byte[] key = overlay.lastKeyBelow(CatalogKeys.ROWS, bound);
            if (key == null) {
                return;
            }
            if (key.length < 8) {
                drop();   // not a row key: forget every copy rather than guess
                return;
            }
            long tableId = CatalogKeys.readLong(key);
            written.accumulateAndGet(stripe(tableId), ts, Math::max);   // only ever grows
            if (tableId <= 0) {
                return;
            }
            bound = CatalogKeys.rowPrefix(tableId);
        }
    }

    /** A commit failed after its batch may have reached the engine: no copy can be trusted any more. */
    void drop() {
        disabled = true;
        copies.clear();
        seen.clear();
        bytes.set(0);
    }

    /** The copy of {@code tableId} a reader at {@code snapshotTs} may read, holding {@code columns}; or null. */
    Copy find(long tableId, SqlType[] types, boolean[] columns, long snapshotTs) {
        if (disabled) {
            return null;
        }
        Copy copy = copies.get(tableId);
        if (copy == null) {
            return null;
        }
        long w = written.get(stripe(tableId));
        if (w > copy.snapshotTs()) {
            remove(copy);
            return null;
        }
        if (w > snapshotTs || !Arrays.equals(types, copy.types()) || !copy.covers(columns)) {
            return null;
        }
        served.incrementAndGet();
        return copy;
    }

    /**
     * Whether a scan of the table at {@code snapshotTs} should make a copy: true at the second batched scan without a
     * write in between (and the same column types), unless a copy of this state was refused (too large); the first
     * one is only noted. A snapshot older than the table's last write makes none (no one newer could read it).
     */
    boolean worthCopying(long tableId, SqlType[] types, long snapshotTs) {
        if (disabled) {
            return false;
        }
        long w = written.get(stripe(tableId));
        if (w > snapshotTs) {
            return false;
        }
        Seen last = seen.get(tableId);
        boolean same = last != null && last.written() == w && Arrays.equals(last.types(), types);
        if (same && last.refused()) {
            return false;
        }
        seen.put(tableId, new Seen(w, types, false));
        return same;
    }

    /** A copy of the table as it is now did not fit: no scan tries again until the table is written. */
    void refused(long tableId, SqlType[] types, long snapshotTs) {
        long w = written.get(stripe(tableId));
        if (w <= snapshotTs) {
            seen.put(tableId, new Seen(w, types, true));
        }
    }

    /** The columns a new copy of the table should hold: {@code columns} and those of a copy still current. */
    boolean[] columnsToCopy(long tableId, SqlType[] types, boolean[] columns) {
        boolean[] out = Arrays.copyOf(columns, types.length);
        Copy old = copies.get(tableId);
        if (old != null && Arrays.equals(old.types(), types)
                && written.get(stripe(tableId)) <= old.snapshotTs()) {
            for (int i = 0; i < out.length && i < old.longs().length; i++) {
                out[i] |= old.longs()[i] != null;
            }
        }
        return out;
    }

    /** Room left for a new copy of {@code tableId} (replacing its old one), after dropping stale copies. */
    long room(long tableId) {
        for (Copy c : copies.values()) {
            if (written.get(stripe(c.tableId())) > c.snapshotTs()) {
                remove(c);
            }
        }
        Copy old = copies.get(tableId);
        return budget - bytes.get() + (old == null ? 0 : old.bytes());
    }

    /**
     * Reads {@code rows} (the table's visible rows in key order at {@code snapshotTs}, with no own writes) into a
     * copy of {@code columns}; null when it would take more than {@code room} bytes. Does not install it.
     */
    static Copy read(io.heliosdb.spi.KvCursor rows, long tableId, SqlType[] types, boolean[] columns,
                     long snapshotTs, long room) {
        int width = types.length;
        int capacity = 1024;
        long[][] longs = new long[width][];
        boolean[][] nulls = new boolean[width][];
        int read = 0;
        for (int c = 0; c < width; c++) {
            if (columns[c]) {
                longs[c] = new long[capacity];
            }
        }
        try (ColumnBatchScan scan = new ColumnBatchScan(rows, types, columns, n -> { })) {
            while (scan.nextBatch()) {
                int n = scan.size();
                if ((long) (read + n) * rowBytes(columns) > room || read + n < 0) {
                    return null;
                }
                if (read + n > capacity) {
                    capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) capacity * 2, read + n));
                    for (int c = 0; c < width; c++) {
                        longs[c] = longs[c] == null ? null : Arrays.copyOf(longs[c], capacity);
                        nulls[c] = nulls[c] == null ? null : Arrays.copyOf(nulls[c], capacity);
                    }
                }
                for (int c = 0; c < width; c++) {
                    if (longs[c] == null) {
                        continue;
                    }
                    System.arraycopy(scan.longs(c), 0, longs[c], read, n);
                    boolean[] batchNulls = scan.nulls(c);
                    if (batchNulls != null) {
                        if (nulls[c] == null) {
                            nulls[c] = new boolean[capacity];
                        }
                        System.arraycopy(batchNulls, 0, nulls[c], read, n);
                    }
                }
                read += n;
            }
        }
        long bytes = 64;
        for (int c = 0; c < width; c++) {
            if (longs[c] != null) {
                longs[c] = Arrays.copyOf(longs[c], read);
                bytes += 8L * read + 16;
            }
            if (nulls[c] != null) {
                nulls[c] = Arrays.copyOf(nulls[c], read);
                bytes += read + 16;
            }
        }
        return new Copy(tableId, types.clone(), snapshotTs, read, longs, nulls, bytes);
    }

    /** Bytes per row of a copy of {@code columns} at most (a null mark included). */
    private static long rowBytes(boolean[] columns) {
        long b = 1;
        for (boolean c : columns) {
            b += c ? 9 : 0;
        }
        return b;
    }

    /** Keeps {@code copy} unless a write to its table came since its snapshot (or copies were dropped). */
    void install(Copy copy) {
        if (disabled || written.get(stripe(copy.tableId())) > copy.snapshotTs()) {
            return;
        }
        Copy old = copies.put(copy.tableId(), copy);
        bytes.addAndGet(copy.bytes() - (old == null ? 0 : old.bytes()));
        built.incrementAndGet();
    }

    private void remove(Copy copy) {
        if (copies.remove(copy.tableId(), copy)) {
            bytes.addAndGet(-copy.bytes());
        }
    }

    /** Copies made so far. */
    long built() {
        return built.get();
    }

    /** Scans read from a copy so far. */
    long served() {
        return served.get();
    }

    /** Bytes the current copies hold. */
    long bytes() {
        return bytes.get();
    }

    private static int stripe(long tableId) {
        return (int) (tableId & (STRIPES - 1));
    }
}
