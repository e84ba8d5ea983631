package io.heliosdb.storage.rocks;

import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Compacts, at open, each small keyspace left with several level-0 files, so a point get touches one file.
 *
 * <p>A bulk load followed by a close leaves its rows in two or three level-0 files (one per memtable flushed
 * while the WAL is replayed), below RocksDB's compaction trigger of four, so nothing compacts them while the
 * database is only read. A get then checks each level-0 file's key range and probes the filter of the file that
 * holds its key; in the bottommost level ({@code optimize_filters_for_hits}) it does neither. Files whose key
 * ranges do not overlap (a table each, as after a bulk load) move down without a rewrite; overlapping ones are
 * merged, so only keyspaces up to {@link #MAX_BYTES} of files are compacted here, at most a second or two of
 * work at open; larger ones keep RocksDB's own schedule.
 */
final class RocksOpenCompaction {

    /** The most SST bytes a keyspace may hold to be compacted at open. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Level-0 files from which a keyspace is compacted at open. */
    static final long MIN_LEVEL0_FILES = 2;

    private RocksOpenCompaction() {
    }

    /** Compacts each of {@code families} due by the rule above; returns how many were compacted. */
    static int compactSmallLevel0(RocksDB db, List<ColumnFamilyHandle> families) throws RocksDBException {
        int compacted = 0;
        for (ColumnFamilyHandle family : families) {
            // A string property (RocksDB answers NotFound when it is asked for as a number).
            if (due(Long.parseLong(db.getProperty(family, "rocksdb.num-files-at-level0").trim()),
                    db.getLongProperty(family, "rocksdb.total-sst-files-size"))) {
                db.compactRange(family);
                compacted++;
            }
        }
        return compacted;
    }

    static boolean due(long level0Files, long sstBytes) {
        return level0Files >= MIN_LEVEL0_FILES && sstBytes <= MAX_BYTES;
    }
}
