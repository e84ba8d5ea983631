package io.heliosdb.storage.rocks;

import org.rocksdb.PerfLevel;
import org.rocksdb.RocksDB;

/**
 * Turns off RocksDB's per-thread perf context counters on the threads that read. They are on by default
 * ({@code kEnableCount}) and nothing here reads them, yet every block, key and step adds to them through a
 * thread-local of the dynamically loaded library ({@code __tls_get_addr} each time): ~6-8% of a point get's or a
 * scan step's native CPU in perf profiles. The engine's statistics (tickers) are separate and stay on.
 */
final class RocksPerfLevel {
    private static final ThreadLocal<Boolean> DISABLED = new ThreadLocal<>();

    private RocksPerfLevel() {
    }

    /** Disables the counters of the calling thread, once per thread (the level is the native thread's own). */
    static void disableCounters(RocksDB db) {
        if (DISABLED.get() == null) {
            db.setPerfLevel(PerfLevel.DISABLE);
            DISABLED.set(Boolean.TRUE);
        }
    }
}
