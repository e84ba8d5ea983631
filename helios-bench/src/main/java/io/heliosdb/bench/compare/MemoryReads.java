package io.heliosdb.bench.compare;

import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.sql.Connection;

/** RocksDB's block-cache data hits and misses as {@code helios_stats} shows them (the engine's statistics). */
final class MemoryReads {
    static final String HITS = "storage_rocksdb_block_cache_data_hit";
    static final String MISSES = "storage_rocksdb_block_cache_data_miss";
    private static final String QUERY = "SELECT name, value FROM helios_stats WHERE name = '" + HITS + "' OR name = '"
            + MISSES + "'";

    private MemoryReads() {
    }

    /** Through a pgJDBC connection; null when the engine reports no statistics. */
    static long[] blockCache(Connection c) throws Exception {
        long[] out = {-1, -1};
        try (var r = c.createStatement().executeQuery(QUERY)) {
            while (r.next()) {
                put(out, r.getString(1), r.getString(2));
            }
        }
        return complete(out);
    }

    /** Through an embedded session; null when the engine reports no statistics. */
    static long[] blockCache(Session s) {
        long[] out = {-1, -1};
        try (QueryResult r = s.execute(QUERY)) {
            while (r.next()) {
                put(out, String.valueOf(r.row().get(0)), String.valueOf(r.row().get(1)));
            }
        }
        return complete(out);
    }

    private static void put(long[] out, String name, String value) {
        out[name.equals(HITS) ? 0 : 1] = Long.parseLong(value.trim());
    }

    private static long[] complete(long[] out) {
        return out[0] < 0 || out[1] < 0 ? null : out;
    }
}
