package io.heliosdb.core.monitor;

import io.heliosdb.spi.CacheLayer;
import io.heliosdb.spi.StorageCapability;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gathers every kernel metric at one moment: queries and their latency, rows, commits, connections,
 * the cache layer, the storage engine's own counters (when it has {@link StorageCapability#STATISTICS})
 * and JVM memory, heap and off-heap (direct and mapped buffers).
 */
public final class KernelStats {
    private static final String[] QUANTILES = {"0.5", "0.95", "0.99"};

    private KernelStats() {
    }

    /** Text-valued facts that are not numbers: {@code helios_stats} rows before the numeric ones. */
    public static Map<String, String> facts(StatsSource source) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("mode", source.mode().displayName());
        out.put("storage_engine", source.engine().name());
        CacheInfo cache = source.cache();
        out.put("cache_provider", cache == null ? "none" : cache.provider());
        return out;
    }

    public static List<Sample> collect(StatsSource source) {
        List<Sample> out = new ArrayList<>();
        out.add(Sample.gauge("heliosdb_uptime_seconds", "Seconds since the database opened.",
                (System.currentTimeMillis() - source.startedAtMillis()) / 1000.0, "uptime_seconds"));
        out.add(Sample.gauge("heliosdb_connections_open", "Client connections open now.",
                source.openConnections(), "connections_open"));
        out.add(Sample.gauge("heliosdb_max_connections", "The configured connection limit.",
                source.maxConnections(), "max_connections"));
        out.add(Sample.gauge("heliosdb_sessions_open", "Sessions open now (embedded and client).",
                source.openSessions(), "sessions_open"));
        queries(source.queries(), out);
        out.add(Sample.counter("heliosdb_commits_total", "Transactions committed with writes.", source.commits(),
                "commits_total"));
        contention(source.contention(), out);
        cache(source.cache(), out);
        long[] copies = source.columnCopies();
        if (copies != null) {
            out.add(Sample.counter("heliosdb_scan_column_copies_built_total",
                    "Decoded column copies of unchanged tables made for batched scans (Memory-only).", copies[0],
                    "scan_column_copies_built_total"));
            out.add(Sample.counter("heliosdb_scan_column_copies_read_total", "Batched scans read from a column copy.",
                    copies[1], "scan_column_copies_read_total"));
            out.add(Sample.gauge("heliosdb_scan_column_copies_bytes", "Bytes the current column copies hold.",
                    copies[2], "scan_column_copies_bytes"));
        }
        memory(out);
        storage(source, out);
        return out;
    }

    private static void queries(QueryMetrics q, List<Sample> out) {
        QueryMetrics.Latency latency = q.latency();
        double[] values = {latency.p50(), latency.p95(), latency.p99()};
        String[] sqlNames = {"query_latency_p50_seconds", "query_latency_p95_seconds", "query_latency_p99_seconds"};
        String help = "Statement latency (from the start of execution until its result is fully read).";
        for (int i = 0; i < QUANTILES.length; i++) {
            out.add(new Sample("heliosdb_query_latency_seconds", "summary", help, QUANTILES[i], values[i], sqlNames[i]));
        }
        out.add(new Sample("heliosdb_query_latency_seconds_sum", "summary", help, null, latency.sumSeconds(), null));
        out.add(new Sample("heliosdb_query_latency_seconds_count", "summary", help, null, latency.count(),
                "queries_total"));
        out.add(Sample.gauge("heliosdb_query_latency_max_seconds", "The slowest statement so far.", latency.max(),
                "query_latency_max_seconds"));
        out.add(Sample.counter("heliosdb_query_errors_total", "Statements that failed.", q.errors(),
                "query_errors_total"));
        out.add(Sample.counter("heliosdb_rows_read_total", "Rows read from tables.", q.rowsRead(), "rows_read_total"));
        out.add(Sample.counter("heliosdb_rows_written_total", "Rows inserted, updated or deleted.", q.rowsWritten(),
                "rows_written_total"));
    }

    private static void contention(ContentionStats c, List<Sample> out) {
        out.add(Sample.counter("heliosdb_lock_waits_total", "Row and catalog lock requests that had to wait.",
                c.lockWaits(), "lock_waits_total"));
        out.add(Sample.counter("heliosdb_lock_wait_seconds_total", "Time from a waiting lock request to its grant.",
                c.lockWaitNanos() / 1e9, "lock_wait_seconds_total"));
        out.add(Sample.counter("heliosdb_lock_wake_seconds_total",
                "Time from a lock's hand-off by the releasing transaction to the waiter running again.",
                c.lockWakeNanos() / 1e9, "lock_wake_seconds_total"));
        out.add(Sample.counter("heliosdb_commit_groups_total", "Commit groups written (one storage write and sync each).",
                c.commitGroups(), "commit_groups_total"));
        out.add(Sample.counter("heliosdb_commit_syncs_total",
                "Storage syncs made for commits (one per group; fewer under early lock release, where one covers several).",
                c.commitSyncs(), "commit_syncs_total"));
        out.add(Sample.counter("heliosdb_commit_write_seconds_total", "Time in the commit groups' storage writes and syncs.",
                c.commitWriteNanos() / 1e9, "commit_write_seconds_total"));
        out.add(Sample.counter("heliosdb_commit_sync_seconds_total",
                "Of commit_write_seconds_total, the time in syncs made apart from the write (early lock release).",
                c.commitSyncNanos() / 1e9, "commit_sync_seconds_total"));
        out.add(Sample.counter("heliosdb_commit_seconds_total", "Time from commit request to durable acknowledgement, summed.",
                c.commitNanos() / 1e9, "commit_seconds_total"));
        out.add(Sample.counter("heliosdb_statement_restarts_total",
                "READ COMMITTED statements run again on a newer snapshot after a concurrent update.",
                c.statementRestarts(), "statement_restarts_total"));
    }

    private static void cache(CacheInfo cache, List<Sample> out) {
        CacheLayer.Stats stats = cache == null ? new CacheLayer.Stats(0, 0, 0, 0) : cache.layer().stats();
        out.add(Sample.counter("heliosdb_cache_hits_total", "Row reads answered by the cache layer.", stats.hits(),
                "cache_hits"));
        out.add(Sample.counter("heliosdb_cache_misses_total", "Row reads the cache layer could not answer.",
                stats.misses(), "cache_misses"));
        out.add(Sample.gauge("heliosdb_cache_hit_ratio", "Cache hits over all cache lookups.", stats.hitRate(),
                "cache_hit_rate"));
        out.add(Sample.counter("heliosdb_cache_evictions_total", "Entries the cache layer evicted.",
                stats.evictions(), "cache_evictions"));
        out.add(Sample.gauge("heliosdb_cache_bytes_used", "Bytes the cache layer holds.", stats.bytesUsed(),
                "cache_bytes_used"));
        out.add(Sample.gauge("heliosdb_cache_capacity_bytes", "The cache layer's byte budget.",
                cache == null ? 0 : cache.capacityBytes(), "cache_capacity_bytes"));
    }

    private static void memory(List<Sample> out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        out.add(Sample.gauge("heliosdb_memory_heap_used_bytes", "JVM heap in use.", heap.getUsed(),
                "memory_heap_used_bytes"));
        out.add(Sample.gauge("heliosdb_memory_heap_max_bytes", "JVM heap limit (-1 when undefined).", heap.getMax(),
                "memory_heap_max_bytes"));
        out.add(Sample.gauge("heliosdb_memory_nonheap_used_bytes", "JVM non-heap memory in use (metaspace, code).",
                memory.getNonHeapMemoryUsage().getUsed(), "memory_nonheap_used_bytes"));
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            String name = sanitize(pool.getName());
            if (name.equals("direct") || name.equals("mapped")) {
                out.add(Sample.gauge("heliosdb_memory_" + name + "_bytes", "Off-heap " + pool.getName()
                        + " buffer memory in use.", pool.getMemoryUsed(), "memory_" + name + "_bytes"));
            }
        }
    }

    private static void storage(StatsSource source, List<Sample> out) {
        if (!source.engine().capabilities().contains(StorageCapability.STATISTICS)) {
            return;
        }
        Map<String, Long> stats;
        try {
            stats = new TreeMap<>(source.engine().statistics());
        } catch (RuntimeException e) {
            return; // an engine closing under us: its counters are simply absent from this sample
        }
        stats.forEach((key, value) -> {
            String name = sanitize(key);
            out.add(new Sample("heliosdb_storage_" + name, "untyped", "Storage engine counter " + key + ".", null,
                    value, "storage_" + name));
        });
    }

    /** A Prometheus-safe name part: letters, digits and underscores. */
    static String sanitize(String raw) {
        return raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
