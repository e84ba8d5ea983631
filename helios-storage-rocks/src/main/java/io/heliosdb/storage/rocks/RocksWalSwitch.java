package io.heliosdb.storage.rocks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when to move commits to the other, pre-written WAL before the live one grows past the part
 * {@link RocksWalRoll} wrote at open: a synced append costs ext4 a second device write per sync (the new
 * file size, in the inode), an overwrite does not (measured with block:block_rq_issue: ~1.5 device requests
 * per durable commit overwriting, ~2.0 appending). RocksDB itself changes WAL only when a memtable is full,
 * after ~50 MB of WAL, so without this a database appends from its 4th MB of WAL on for about two memtables.
 *
 * <p>The switch is a non-waiting memtable flush, which starts the next WAL in the recycled file. It costs a
 * small flush (a few MB of memtable into an L0 file), so it is only asked for while the WAL is written in
 * small synced writes, where the sync is the commit's cost: not for large transactions or bulk loads, whose
 * appends are few per MB. A memtable switch RocksDB makes itself is not seen; the count then runs ahead, and
 * at worst one switch comes earlier than needed.
 */
final class RocksWalSwitch {

    /** WAL bytes since the live WAL began after which the next small synced write asks for the switch. */
    static final long SWITCH_AT = RocksWalRoll.FILL_BYTES - 512L * 1024;
    /** At most this many WAL bytes per synced write on average: commits whose cost is their sync. */
    static final long SMALL_SYNCED_WRITE = 16L * 1024;
    /** A WAL record's header (recyclable format) and the batch's own header, roughly. */
    private static final int RECORD_OVERHEAD = 11;

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong syncedWrites = new AtomicLong();
    private final AtomicBoolean switching = new AtomicBoolean();
    private final AtomicLong switches = new AtomicLong();

    /** Counts a write of {@code batchBytes}; true when the caller is to switch the WAL now (then {@link #switched}). */
    boolean written(int batchBytes, boolean synced) {
        long total = bytes.addAndGet(batchBytes + RECORD_OVERHEAD);
        long syncs = synced ? syncedWrites.incrementAndGet() : syncedWrites.get();
        return total >= SWITCH_AT && syncs > 0 && total / syncs <= SMALL_SYNCED_WRITE
                && switching.compareAndSet(false, true);
    }

    /** Counts a sync made apart from a write (the committer's early lock release writes, then syncs). */
    void synced() {
        syncedWrites.incrementAndGet();
    }

    /** After the switch (or a failed attempt): counting starts again for the new WAL. */
    void switched(boolean done) {
        bytes.set(0);
        syncedWrites.set(0);
        if (done) {
            switches.incrementAndGet();
        }
        switching.set(false);
    }

    /** WAL switches made (statistics, tests). */
    long switches() {
        return switches.get();
    }
}
