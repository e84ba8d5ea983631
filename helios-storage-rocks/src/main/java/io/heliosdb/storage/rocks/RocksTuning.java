package io.heliosdb.storage.rocks;

import io.heliosdb.api.config.Compression;
import io.heliosdb.api.config.StorageConfig;
import java.util.EnumSet;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.HistogramType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.Statistics;
import org.rocksdb.WriteOptions;

/**
 * The native option objects a database is opened with. They must outlive the database, so the
 * engine closes them last.
 */
final class RocksTuning implements AutoCloseable {

    /**
     * The least block cache: 512 kB, one shard of RocksDB's LRU cache. It was 8 MB, which made a smaller
     * {@code cache_size} (or Hybrid's {@code engine_cache_size}) silently up to sixteen times what was asked for.
     */
    static final long MIN_BLOCK_CACHE = 512L * 1024;
    /**
     * When {@code cache_size} is unset (0), or the kernel gives the budget to its row cache instead. As H2's default
     * page cache: at 32 MB a point select over a million rows (~45 MB of blocks) missed the cache for a third of its
     * gets (a file read and an LZ4 decompression each), 8.2 against 5.2 µs CPU per select with everything cached.
     */
    static final long DEFAULT_BLOCK_CACHE = 64L * 1024 * 1024;
    // The block cache is off-heap; a typo in cache_size should not reserve the whole machine.
    static final long MAX_BLOCK_CACHE = 4L * 1024 * 1024 * 1024;
    /**
     * Data block size: RocksDB's default, 4 kB. 16 kB blocks (InnoDB's page, MyRocks' block) saved about 3% of
     * the CPU of a cached point get (a smaller index and cache table), but every get that misses the block cache
     * reads and decompresses four times as much: Hybrid, whose block cache is small because its row cache holds
     * the memory, fell from 1.53x Server to 0.81x on the zipfian reads and lost ~30% on pgbench select-only in the
     * one-round check of 2026-11-25 02:35. Kept explicit so the trade-off stays visible.
     */
    static final long BLOCK_SIZE = 4L * 1024;
    /** Old WAL files kept for reuse: one is enough, as atomic flush retires all families' WAL at once. */
    static final long RECYCLED_WALS = 1;

    final Statistics statistics;
    final LRUCache blockCache;
    final BloomFilter bloomFilter;
    final DBOptions dbOptions;
    final ColumnFamilyOptions columnFamilyOptions;
    final WriteOptions syncWrites;
    final WriteOptions bufferedWrites;
    /** The options of every get of the newest data (shared: RocksDB only reads them). */
    final ReadOptions latestReads;
    final boolean walEnabled;

    RocksTuning(StorageConfig config) {
        walEnabled = config.walEnabled();
        // Tickers only (RocksStatistics reads no histogram): with histograms on, every get also reads the clock
        // twice for the DB_GET histogram and adds to two more.
        statistics = new Statistics(EnumSet.allOf(HistogramType.class));
        blockCache = new LRUCache(blockCacheBytes(config.cacheSizeBytes()));
        bloomFilter = new BloomFilter(10, false);
        dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                // A batch spanning keyspaces must survive a crash whole even without the WAL.
                .setAtomicFlush(true)
                .setStatistics(statistics)
                .setMaxBackgroundJobs(2)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setKeepLogFileNum(3)
                .setMaxLogFileSize(4L * 1024 * 1024)
                // A synced append to a growing WAL also makes ext4 journal the new file size (a second
                // device write and flush per commit); a recycled WAL is overwritten in place, as
                // SQLite's is after a checkpoint. RocksDB reuses a WAL once its memtables are flushed
                // (from the third WAL on; RocksWalRoll makes that the first WAL commits go to after open),
                // and 10.x keeps recycling with kPointInTimeRecovery, the
                // default recovery mode (each record names its log, so stale tail records are not replayed).
                // RocksDB refuses writes with disableWAL while recycling, so only with the WAL on.
                .setRecycleLogFileNum(walEnabled ? RECYCLED_WALS : 0)
                // direct_reads: O_DIRECT reads, so the block cache is all the memory the files are read from (the OS
                // page cache holds none of them); compactions read ahead 2 MB themselves (RocksDB's default).
                .setUseDirectReads(config.directReads());
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(blockCache)
                .setFilterPolicy(bloomFilter)
                .setWholeKeyFiltering(true)
                // A hash index in each data block: a point get finds its key without the binary search over
                // the block's restart points (files written before keep the binary search alone).
                .setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash)
                .setDataBlockHashTableUtilRatio(0.75)
                .setBlockSize(BLOCK_SIZE);
        CompressionType compression = compressionType(config.compression());
        columnFamilyOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(table)
                .setCompressionType(compression)
                .setBottommostCompressionType(compression)
                // Most gets of the bottommost level (the bulk of the data) find their key: the kernel reads rows it
                // found through the catalog or an index. So that level keeps no bloom filter (nine tenths of the
                // filter memory) and a get skips the filter probe there, a cache miss per get (5% of a cached
                // point get's CPU). A get of an absent key in that level's key range reads its index and one data
                // block instead; the kernel's absent-key gets are INSERT uniqueness checks, and an ascending key
                // (a serial) lies past the level's last key, which the file's key range already rules out.
                .setOptimizeFiltersForHits(true);
        syncWrites = new WriteOptions().setSync(walEnabled).setDisableWAL(!walEnabled);
        bufferedWrites = new WriteOptions().setSync(false).setDisableWAL(!walEnabled);
        latestReads = new ReadOptions();
    }

    static long blockCacheBytes(long configured) {
        if (configured == 0) {
            return DEFAULT_BLOCK_CACHE;
        }
        return Math.max(MIN_BLOCK_CACHE, Math.min(MAX_BLOCK_CACHE, configured));
    }

    static CompressionType compressionType(Compression compression) {
        return switch (compression) {
            case ZSTD -> CompressionType.ZSTD_COMPRESSION;
            case LZ4 -> CompressionType.LZ4_COMPRESSION;
            case NONE -> CompressionType.NO_COMPRESSION;
        };
    }

    @Override
    public void close() {
        latestReads.close();
        syncWrites.close();
        bufferedWrites.close();
        columnFamilyOptions.close();
        dbOptions.close();
        bloomFilter.close();
        blockCache.close();
        statistics.close();
    }
}
