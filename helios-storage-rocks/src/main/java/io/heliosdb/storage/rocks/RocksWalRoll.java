package io.heliosdb.storage.rocks;

import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Makes the first commits after open overwrite a WAL file instead of appending to a new one.
 *
 * <p>A synced append must also make the file's new size durable (on ext4 a journal commit: a second
 * device write and cache flush, and more kernel CPU per commit); an overwrite of blocks already
 * written does not. (On ext4 without a journal the inode block is still written whenever the
 * write moved the file's mtime, i.e. once per clock tick, so there the saving is partial.) RocksDB reuses a WAL only once its memtables are flushed
 * ({@link RocksTuning#RECYCLED_WALS}), and it starts every open with a fresh, empty WAL, so without
 * help a database appends for its first two memtables' worth of commits (about 128 MB of WAL).
 *
 * <p>So at open, twice: write {@link #FILL_BYTES} of log-only data (never in a memtable or SST), then a
 * put and single-delete of a private key (they cancel, so the flush writes no SST but must switch the
 * WAL), then flush. Both WALs end up filled: the live one and the recycled one that {@link RocksWalSwitch}
 * moves commits to before the live one's fill is used up, so durable commits keep overwriting.
 *
 * <p>The fill goes out in {@link #PIECE}-byte writes, one unsynced write batch each, never in large ones:
 * Linux (6.x, ext4 with large folios) caches a file written in large writes in large page-cache folios,
 * up to 1 MB each, and a commit that later overwrites 70 bytes of such a folio dirties all of it, so its
 * sync writes the whole folio to the device (measured on this project's CI kernel: 1 MB of device
 * writes per durable commit after a fill in 1 MB writes, 4 kB after a fill in 4 kB writes, as for
 * SQLite's WAL; RocksWalRollTest checks it). The first WAL, now {@code FILL_BYTES} long and synced by
 * the flush, is retired into the recycle list; the second flush retires the second WAL and makes
 * the first the live one. The cost is 8 MB of writes, two syncs and two empty flushes per open. Its stale records carry an old log number, which recovery reads as the end of the
 * log, exactly as for any recycled WAL. Nothing of the user's data is in flight here: the open has
 * just recovered and flushed, and no commit has been written yet.
 */
final class RocksWalRoll {

    /** As much WAL as SQLite's default auto-checkpoint keeps (1,000 pages of 4 kB): ~20,000 small commits. */
    static final int FILL_BYTES = 4 * 1024 * 1024;
    /** One page: each piece of the fill is its own write(2), so the kernel caches the WAL in page-sized folios. */
    static final int PIECE = 4096;
    // Outside the kernel's key spaces: the default family holds no kernel data, and the key is
    // put and single-deleted in one batch, so it never exists between batches.
    private static final byte[] ROLL_KEY = {0, 'w', 'a', 'l', '-', 'r', 'o', 'l', 'l'};

    private RocksWalRoll() {
    }

    /** {@code defaultFamily}: the handle of RocksDB's default column family; {@code families}: all open ones. */
    static void prepareRecycledWal(RocksDB db, ColumnFamilyHandle defaultFamily, List<ColumnFamilyHandle> families)
            throws RocksDBException {
        byte[] piece = new byte[PIECE];
        try (WriteOptions unsynced = new WriteOptions().setSync(false);
             FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            for (int round = 0; round < 2; round++) {
                // Both WALs are filled: the first is the one the first commits reuse, the second the one
                // RocksWalSwitch moves them to once the first's fill is used up (and so on, in turn).
                for (int written = 0; written < FILL_BYTES; written += PIECE) {
                    try (WriteBatch batch = new WriteBatch()) {
                        batch.putLogData(piece);
                        db.write(unsynced, batch); // one WAL record, one write(2) (manual_wal_flush is off)
                    }
                }
                try (WriteBatch batch = new WriteBatch()) {
                    batch.put(defaultFamily, ROLL_KEY, new byte[0]);
                    batch.singleDelete(defaultFamily, ROLL_KEY);
                    db.write(unsynced, batch);
                }
                db.flush(flush, families);
            }
        }
    }
}
