package io.heliosdb.bench.compare;

import java.nio.file.Path;

/**
 * The memory every system gets on the zipfian workload (issue 7's workload 8: "data 10x the cache"): one budget, a
 * tenth of the data, the same for all of them.
 * <ul>
 *   <li>"The data" is the table as HeliosDB stores it: the RocksDB files of the read data set (items and customers,
 *       LZ4-compressed 4 kB blocks), {@link #DATA_BYTES_PER_ROW} per items row.
 *   <li>Server and Embedded: RocksDB's block cache is the budget.
 *   <li>Hybrid: the row cache is the budget less a small block cache ({@link #hybridEngineCacheBytes}, an eighth of
 *       the budget, at least 512 kB), so the two together are the budget.
 * </ul>
 * Other memory is the same for all: the JVM heap, RocksDB's memtables, index and filter blocks (held by the open
 * table files, outside the block cache). Every system opens a fresh copy of the same data set files, which that copy
 * leaves in the OS page cache: a block-cache miss reads the page cache on every system alike, never the disk (the
 * machine's RAM holds the files many times over), so a miss costs a read system call and an LZ4 decompression of a
 * block. With {@value #DIRECT_READS_PROPERTY}{@code =true} every system reads past the page cache instead
 * ({@code direct_reads}), as on a machine whose memory the data outgrows. Only the zipfian workload runs within this
 * budget, on an instance of its own; the other reads of a JVM run on the systems' usual memory.
 */
final class ZipfMemory {
    /**
     * RocksDB's live files for the read data set over its items rows: 22.8 MB for the 1M-row data set of the harness
     * once opened (2026-11-25: the build leaves it in the WAL, the open flushes it into LZ4 table files), 22.8 B a row
     * at 100k rows too (ZipfMemoryTest checks it).
     */
    static final long DATA_BYTES_PER_ROW = 23;
    /**
     * Whether the systems read their files past the OS page cache on this workload ({@code direct_reads}); the
     * property {@value #DIRECT_READS_PROPERTY} (e.g. in HELIOS_BENCH_JVM_FLAGS) overrides it.
     */
    static final String DIRECT_READS_PROPERTY = "helios.bench.zipfDirectReads";

    static boolean directReads() {
        return Boolean.parseBoolean(System.getProperty(DIRECT_READS_PROPERTY, "false"));
    }

    /** The least block cache Hybrid keeps next to its row cache. */
    static final long MIN_ENGINE_CACHE = 512 * 1024;

    /** A system that can open within a memory budget (the zipfian workload's set-up). */
    interface Budgeted {
        /** Opens the system on {@code directory} with {@code budgetBytes} of cache memory in all. */
        Target.Instance openWithin(Path directory, long budgetBytes) throws Exception;
    }

    private ZipfMemory() {
    }

    /** The budget for a table of {@code rows} items rows: a tenth of the data. */
    static long budgetBytes(long rows) {
        return Math.max(2 * MIN_ENGINE_CACHE, rows * DATA_BYTES_PER_ROW / 10);
    }

    /** Hybrid's block cache within the budget; its row cache gets the rest. */
    static long hybridEngineCacheBytes(long budgetBytes) {
        return Math.max(MIN_ENGINE_CACHE, budgetBytes / 8);
    }

    /** Hybrid's row cache within the budget. */
    static long hybridRowCacheBytes(long budgetBytes) {
        return budgetBytes - hybridEngineCacheBytes(budgetBytes);
    }

    /** One line for the report. */
    static String describe(long rows) {
        long budget = budgetBytes(rows);
        return String.format(java.util.Locale.ROOT, "zipf-point-select runs every system within one memory budget, a "
                + "tenth of the data (%d B a row as RocksDB stores the data set, so %.1f MB for %,d rows): Server and "
                + "Embedded a block cache of the budget, Hybrid a row cache of %.1f MB and a block cache of %.1f MB; "
                + "each on a fresh copy of the same data set files%s", DATA_BYTES_PER_ROW, budget / 1e6, rows,
                hybridRowCacheBytes(budget) / 1e6, hybridEngineCacheBytes(budget) / 1e6, directReads()
                        ? ", read past the OS page cache (direct_reads): a block-cache miss reads the disk"
                        : " (in the OS page cache for all alike: a block-cache miss reads the page cache)");
    }
}
