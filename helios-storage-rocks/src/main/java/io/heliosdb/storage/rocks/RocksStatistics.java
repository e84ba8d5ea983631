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

    private static final List<TickerType> TICKERS = List.of(TickerType.BLOCK_CACHE_HIT, TickerType.BLOCK_CACHE_MISS,
            TickerType.BLOOM_FILTER_USEFUL, TickerType.NUMBER_KEYS_WRITTEN, TickerType.NUMBER_KEYS_READ,
            TickerType.BYTES_WRITTEN, TickerType.BYTES_READ, TickerType.WAL_FILE_SYNCED, TickerType.WAL_FILE_BYTES,
            TickerType.FLUSH_WRITE_BYTES, TickerType.COMPACT_WRITE_BYTES);

    private RocksStatistics() {
    }

    /** Property names as RocksDB spells them; tickers as {@code rocksdb.block.cache.hit} etc. */
    static Map<String, Long> snapshot(RocksDB db, Collection<ColumnFamilyHandle> families, Statistics statistics)
            throws RocksDBException {
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("rocksdb.keyspaces", (long) families.size());
        for (String property : List.of("rocksdb.estimate-num-keys", "rocksdb.cur-size-all-mem-tables",
                "rocksdb.total-sst-files-size")) {
            long sum = 0;
            for (ColumnFamilyHandle family : families) {
                sum += db.getLongProperty(family, property);
            }
            stats.put(property, sum);
        }
        stats.put("rocksdb.block-cache-usage", db.getLongProperty("rocksdb.block-cache-usage"));
        stats.put("rocksdb.block-cache-capacity", db.getLongProperty("rocksdb.block-cache-capacity"));
        for (TickerType ticker : TICKERS) {
            stats.put("rocksdb." + ticker.name().toLowerCase(Locale.ROOT).replace('_', '.'),
                    statistics.getTickerCount(ticker));
        }
        return stats;
    }
}
