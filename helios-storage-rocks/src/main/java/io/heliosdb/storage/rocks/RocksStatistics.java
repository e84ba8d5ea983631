package io.heliosdb.storage.rocks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.TickerType;

/** The engine counters a RocksDB database reports: a few DB properties and statistics tickers. */
final class RocksStatistics {

    /**
     * What the kernel's monitoring needs: bytes read (point reads, scans) and written (user writes,
     * WAL, flushes, compactions), block-cache hits and misses (all blocks, and data blocks alone:
     * index and filter lookups inflate the totals), and bloom-filter savings.
     */
    private static final List<TickerType> TICKERS = List.of(
            TickerType.BLOCK_CACHE_HIT, TickerType.BLOCK_CACHE_MISS,
            TickerType.BLOCK_CACHE_DATA_HIT, TickerType.BLOCK_CACHE_DATA_MISS,
            TickerType.BLOCK_CACHE_ADD, TickerType.BLOCK_CACHE_BYTES_READ, TickerType.BLOCK_CACHE_BYTES_WRITE,
            TickerType.BLOOM_FILTER_USEFUL, TickerType.NUMBER_KEYS_WRITTEN, TickerType.NUMBER_KEYS_READ,
            TickerType.BYTES_WRITTEN, TickerType.BYTES_READ, TickerType.ITER_BYTES_READ,
            TickerType.WAL_FILE_SYNCED, TickerType.WAL_FILE_BYTES, TickerType.FLUSH_WRITE_BYTES,
            TickerType.COMPACT_READ_BYTES, TickerType.COMPACT_WRITE_BYTES);

    /** Per-keyspace DB properties, summed over keyspaces. */
    private static final List<String> FAMILY_PROPERTIES = List.of("rocksdb.estimate-num-keys",
            "rocksdb.cur-size-all-mem-tables", "rocksdb.total-sst-files-size", "rocksdb.live-sst-files-size",
            "rocksdb.estimate-pending-compaction-bytes");

    private RocksStatistics() {
    }

    /** Property names as RocksDB spells them; tickers as {@code rocksdb.block.cache.hit} etc. */
    static Map<String, Long> snapshot(RocksDB db, Collection<ColumnFamilyHandle> families, Statistics statistics,
                                      RocksScanRuns runs) throws RocksDBException {
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("rocksdb.keyspaces", (long) families.size());
        for (String property : FAMILY_PROPERTIES) {
            long sum = 0;
            for (ColumnFamilyHandle family : families) {
                sum += db.getLongProperty(family, property);
            }
            stats.put(property, sum);
        }
        stats.put("rocksdb.block-cache-usage", db.getLongProperty("rocksdb.block-cache-usage"));
        stats.put("rocksdb.block-cache-capacity", db.getLongProperty("rocksdb.block-cache-capacity"));
        stats.put("rocksdb.num-running-compactions", db.getLongProperty("rocksdb.num-running-compactions"));
        for (TickerType ticker : TICKERS) {
            stats.put("rocksdb." + ticker.name().toLowerCase(Locale.ROOT).replace('_', '.'),
                    statistics.getTickerCount(ticker));
        }
        // The engine's own heap copies of repeatedly scanned ranges (RocksScanRuns).
        stats.put("rocksdb.scan.runs", (long) runs.count());
        stats.put("rocksdb.scan.runs.bytes", runs.bytes());
        stats.put("rocksdb.scans.from.runs", runs.served());
        return stats;
    }
}
