package io.heliosdb.bench.jmh;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU time (and heap allocated) per full-scan query of the issue #7 analytics workloads, in process:
 * thread CPU time does not count the other processes of a loaded machine, so the numbers compare
 * builds run one after the other. Loads {@code items} like the compare harness does, warms up, then
 * prints one line per query kind with the median of {@code --reps} scans. Besides the calling thread's CPU
 * time it prints the whole process's CPU time and the wall time per scan (medians), which count the
 * worker threads of a parallel scan; {@code --workers N} sets {@code max_parallel_workers_per_gather}
 * (0: one thread; leave it out for builds that do not know the setting). {@code --reopen true} closes and reopens a
 * persistent database after loading, as the compare harness opens its data set: RocksDB then scans an SST file
 * (the open flushes the replayed log) instead of its memtable.
 *
 * <pre>java -cp "helios-bench/target/benchmarks.jar" io.heliosdb.bench.jmh.ScanCpuMain \
 *     --engine memory|rocksdb|lmdb --rows 20000 --reps 9 --queries agg,group,filter [--workers 0|1|2] [--reopen true]</pre>
 */
public final class ScanCpuMain {
    private static final String[][] QUERIES = {
        {"agg", "SELECT count(*), sum(amount), avg(amount) FROM items"},
        {"group", "SELECT grp, count(*), sum(amount) FROM items GROUP BY grp"},
        {"filter", "SELECT count(*) FROM items WHERE amount < 30"},
        {"join", "SELECT o.id, o.amount, c.name FROM items o JOIN customers c ON c.id = o.grp"
                + " WHERE o.id BETWEEN 5000 AND 5100"},
    };

    private ScanCpuMain() {
    }

    public static void main(String[] args) throws Exception {
        String engine = "memory";
        int rows = 20_000;
        int reps = 9;
        List<String> kinds = List.of("agg", "group");
        String workers = null;
        boolean reopen = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--engine" -> engine = args[i + 1];
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--queries" -> kinds = Arrays.asList(args[i + 1].split(","));
                case "--workers" -> workers = args[i + 1];
                case "--reopen" -> reopen = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = engine.equals("memory") ? null : Files.createTempDirectory("scan-cpu");
        if (dir != null && reopen) {
            try (HeliosDB db = open(engine, dir); Session session = db.session()) {
                load(session, rows, kinds.contains("join"));
            }
        }
        try (HeliosDB db = dir == null ? HeliosDB.inMemory() : open(engine, dir);
             Session session = db.session()) {
            if (dir == null || !reopen) {
                load(session, rows, kinds.contains("join"));
            }
            if (workers != null) {
                session.execute("SET max_parallel_workers_per_gather = " + Integer.parseInt(workers)).close();
            }
            for (String[] q : QUERIES) {
                if (kinds.contains(q[0])) {
                    measure(session, engine, rows, reps, q[0], q[1]);
                }
            }
        } finally {
            if (dir != null) {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static HeliosDB open(String engine, Path dir) {
        return HeliosDB.open(io.heliosdb.api.config.HeliosConfig.persistent(dir).withStorage(
                io.heliosdb.api.config.StorageConfig.defaults().withPath(dir).withEngine(engine)));
    }

    private static void load(Session s, int rows, boolean customers) {
        s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, amount BIGINT NOT NULL,"
                + " note VARCHAR(40))").close();
        for (int start = 0; start < rows; start += 50_000) {
            int end = Math.min(rows, start + 50_000) - 1;
            s.execute("INSERT INTO items SELECT g, g % 100, (g % 997) * 3, 'note-' || g FROM generate_series("
                    + start + ", " + end + ") g").close();
        }
        if (customers) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(40))").close();
            s.execute("INSERT INTO customers SELECT g, 'customer-' || g FROM generate_series(0, 99999) g").close();
        }
    }

    private static void measure(Session s, String engine, int rows, int reps, String kind, String sql) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long warmUntil = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warmUntil) {
            run(s, sql);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> cpu = new ArrayList<>();
        List<Long> alloc = new ArrayList<>();
        List<Long> process = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        long tid = Thread.currentThread().getId();
        // On RocksDB: data blocks a scan found outside the block cache (each read from a file and decompressed).
        boolean rocks = engine.equals("rocksdb");
        long misses0 = rocks ? stat(s, "storage_rocksdb_block_cache_data_miss") : 0;
        for (int r = 0; r < reps; r++) {
            long a0 = threads.getThreadAllocatedBytes(tid);
            long p0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            run(s, sql);
            cpu.add(threads.getCurrentThreadCpuTime() - c0);
            wall.add(System.nanoTime() - w0);
            process.add(os.getProcessCpuTime() - p0);
            alloc.add(threads.getThreadAllocatedBytes(tid) - a0);
        }
        long cpuMedian = median(cpu);
        String misses = rocks ? String.format(Locale.ROOT, " block_misses/scan=%.0f",
                (stat(s, "storage_rocksdb_block_cache_data_miss") - misses0) / (double) reps) : "";
        System.out.printf(Locale.ROOT, "%s %s rows=%d cpu_ms/scan=%.3f ns/row=%.1f scans/cpu-s=%.1f alloc_B/row=%.1f"
                        + " process_cpu_ns/row=%.1f wall_ms/scan=%.3f%s%n",
                engine, kind, rows, cpuMedian / 1e6, (double) cpuMedian / rows, 1e9 / cpuMedian,
                (double) median(alloc) / rows, (double) median(process) / rows, median(wall) / 1e6, misses);
    }

    private static long run(Session s, String sql) {
        long n = 0;
        try (QueryResult result = s.execute(sql)) {
            while (result.next()) {
                n++;
            }
        }
        return n;
    }

    private static long stat(Session s, String name) {
        try (QueryResult r = s.execute("SELECT value FROM helios_stats WHERE name = '" + name + "'")) {
            return r.next() ? (long) Double.parseDouble(String.valueOf(r.row().get(0))) : 0;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
