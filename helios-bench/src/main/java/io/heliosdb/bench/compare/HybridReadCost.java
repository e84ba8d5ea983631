package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.spi.CacheLayerProvider;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.IntUnaryOperator;

/**
 * CPU and allocation per prepared point SELECT, in process (no wire), on Server (RocksDB) and on
 * Hybrid (RocksDB + each installed cache layer) assembled exactly as {@code HeliosDB.serve} does, with
 * the memory of the zipfian workload's budget ({@link ZipfMemory}: Server's block cache, Hybrid's row cache and
 * small block cache, a tenth of the data for each). After the zipf stream it prints the ideal hit rate for the rows each cache holds. Wall-clock time is noise on a shared
 * machine, so this reads the thread's CPU time and allocated bytes around each batch, runs the
 * targets interleaved (A B C A B C ...) and prints medians. Key streams:
 * <ul>
 *   <li>{@code zipf}: the zipf-point-select workload's keys ({@link ZipfKeys});</li>
 *   <li>{@code hot}: 200 keys, all cached after the first pass (the cost of a hit);</li>
 *   <li>{@code cold}: every key in turn in a scattered order, so nearly every read misses (the cost of a miss);</li>
 *   <li>{@code uniform}: keys drawn uniformly, as pgbench's select-only (not run unless named in {@code -Dstreams}).</li>
 * </ul>
 * Run: {@code java -cp helios-bench/target/benchmarks.jar [Chronicle's flags, see CompareMain]
 * io.heliosdb.bench.compare.HybridReadCost [rows] [repetitions] [operations per batch]}; {@code -Dstreams=zipf,cold}
 * and {@code -Dproviders=caffeine} pick a subset (for a profile of one path); {@code -Dthreads=8} runs each batch on
 * that many threads, each with a session of its own, as pgbench's clients (the CPU per op is then the threads' sum).
 */
public final class HybridReadCost {

    private static final int HOT_KEYS = 200;
    private static final int IDEAL_SAMPLES = 2_000_000;
    /** Bytes one items row takes in the chronicle layer (two 32-byte chunks and their share of the lookup). */
    private static final long CHRONICLE_ROW_BYTES = 75;

    private record Target(String name, HeliosDB db, Session session, PreparedQuery select) {
    }

    private HybridReadCost() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        System.setProperty(HeliosHybridTarget.ROWS_PROPERTY, Integer.toString(rows));
        Path dir = Files.createTempDirectory("hybrid-read-cost");
        List<Target> targets = new ArrayList<>();
        try {
            long budget = ZipfMemory.budgetBytes(rows);
            targets.add(open("server-rocks", dir.resolve("server"), budget, null, rows));
            for (String provider : System.getProperty("providers", "caffeine,compact,chronicle").split(",")) {
                boolean installed = ServiceLoader.load(CacheLayerProvider.class).stream()
                        .anyMatch(p -> p.get().name().equals(provider));
                if (installed) {
                    targets.add(open("hybrid-" + provider, dir.resolve(provider), budget, provider, rows));
                }
            }
            System.out.printf(Locale.ROOT, "rows %d, %s; %d reps x %d ops%n", rows, ZipfMemory.describe(rows), reps,
                    ops);
            Map<String, IntUnaryOperator> streams = streams(rows);
            List<String> only = List.of(System.getProperty("streams", "zipf,hot,cold").split(","));
            for (Map.Entry<String, IntUnaryOperator> stream : streams.entrySet()) {
                if (!only.contains(stream.getKey())) {
                    continue;
                }
                measureStream(stream.getKey(), stream.getValue(), targets, reps, ops);
                if (stream.getKey().equals("zipf")) {
                    printIdealHitRates(targets, rows);
                }
            }
        } finally {
            for (Target t : targets) {
                t.select().close();
                t.session().close();
                t.db().close();
            }
            deleteTree(dir);
        }
    }

    private static Map<String, IntUnaryOperator> streams(int rows) {
        Map<String, IntUnaryOperator> streams = new LinkedHashMap<>();
        ZipfKeys zipf = new ZipfKeys(rows, 42);
        streams.put("zipf", i -> {
            synchronized (zipf) { // one generator, also when several threads draw
                return zipf.next();
            }
        });
        streams.put("hot", i -> (int) (((long) (i % HOT_KEYS) * 7919) % rows));
        // 7919 is prime and does not divide rows in practice, so i -> i*7919 mod rows visits every key
        streams.put("cold", i -> (int) (((long) i * 7919 + 13) % rows));
        // pgbench's select-only draws: uniform over the rows (a cache of a tenth of them hits about a tenth)
        streams.put("uniform", i -> (int) Long.remainderUnsigned(io.heliosdb.spi.KeyHash.of(new byte[] {
                (byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i}) & 0xFFFFFFFFL, rows));
        return streams;
    }

    private static void measureStream(String name, IntUnaryOperator keys, List<Target> targets, int reps, int ops)
            throws Exception {
        int threadCount = Integer.getInteger("threads", 1);
        if (threadCount > 1) {
            measureConcurrently(name, keys, targets, reps, ops, threadCount);
            return;
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int n = targets.size();
        double[][] cpu = new double[n][reps];
        double[][] alloc = new double[n][reps];
        double[][] hits = new double[n][reps];
        int[] next = new int[n];
        for (int t = 0; t < n; t++) { // warm-up: JIT and cache contents
            next[t] = run(targets.get(t), keys, next[t], ops);
        }
        for (int r = 0; r < reps; r++) {
            for (int t = 0; t < n; t++) {
                Target target = targets.get(t);
                long[] before = cacheCounters(target);
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                next[t] = run(target, keys, next[t], ops);
                long c1 = threads.getCurrentThreadCpuTime();
                long a1 = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
                long[] after = cacheCounters(target);
                cpu[t][r] = (c1 - c0) / (double) ops;
                alloc[t][r] = (a1 - a0) / (double) ops;
                long lookups = (after[0] - before[0]) + (after[1] - before[1]);
                hits[t][r] = lookups == 0 ? Double.NaN : (after[0] - before[0]) / (double) lookups;
            }
        }
        double base = median(cpu[0]);
        for (int t = 0; t < n; t++) {
            System.out.printf(Locale.ROOT,
                    "%-6s %-18s cpu/op %8.0f ns (min %8.0f)  alloc/op %7.0f B  hit rate %5.1f%%  cpu vs %s %.2fx%n",
                    name, targets.get(t).name(), median(cpu[t]), Arrays.stream(cpu[t]).min().orElse(0),
                    median(alloc[t]), 100 * median(hits[t]), targets.get(0).name(), median(cpu[t]) / base);
        }
    }

    /** As {@link #measureStream} with {@code threadCount} threads sharing each batch; CPU and allocation summed. */
    private static void measureConcurrently(String name, IntUnaryOperator keys, List<Target> targets, int reps, int ops,
            int threadCount) throws Exception {
        int n = targets.size();
        double[][] cpu = new double[n][reps];
        double[][] alloc = new double[n][reps];
        double[][] hits = new double[n][reps];
        long[] next = new long[n];
        for (int r = -1; r < reps; r++) { // round -1: warm-up
            for (int t = 0; t < n; t++) {
                Target target = targets.get(t);
                long[] before = cacheCounters(target);
                long[] cost = runConcurrently(target, keys, next[t], ops, threadCount);
                next[t] += ops;
                long[] after = cacheCounters(target);
                if (r >= 0) {
                    cpu[t][r] = cost[0] / (double) ops;
                    alloc[t][r] = cost[1] / (double) ops;
                    long lookups = (after[0] - before[0]) + (after[1] - before[1]);
                    hits[t][r] = lookups == 0 ? Double.NaN : (after[0] - before[0]) / (double) lookups;
                }
            }
        }
        double base = median(cpu[0]);
        for (int t = 0; t < n; t++) {
            System.out.printf(Locale.ROOT,
                    "%-6s %-18s x%d threads cpu/op %8.0f ns (min %8.0f)  alloc/op %7.0f B  hit rate %5.1f%%  cpu vs %s "
                            + "%.2fx%n", name, targets.get(t).name(), threadCount, median(cpu[t]),
                    Arrays.stream(cpu[t]).min().orElse(0), median(alloc[t]), 100 * median(hits[t]),
                    targets.get(0).name(), median(cpu[t]) / base);
        }
    }

    /** Runs {@code ops} selects from key index {@code from} on the threads; returns their CPU ns and bytes, summed. */
    private static long[] runConcurrently(Target target, IntUnaryOperator keys, long from, int ops, int threadCount)
            throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < threadCount; w++) {
            int share = ops / threadCount + (w < ops % threadCount ? 1 : 0);
            long first = from + (long) w * (ops / threadCount);
            Thread thread = new Thread(() -> {
                try (Session session = target.db().session();
                        PreparedQuery select = session.prepare("SELECT id, grp, amount, note FROM items WHERE id = $1")) {
                    start.await();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long a0 = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                    for (int k = 0; k < share; k++) {
                        try (QueryResult r = select.execute(keys.applyAsInt((int) (first + k)))) {
                            if (!r.next()) {
                                throw new IllegalStateException("row missing");
                            }
                        }
                    }
                    cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                    bytes.addAndGet(mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "hybrid-read-cost-" + w);
            thread.start();
            workers.add(thread);
        }
        start.countDown();
        for (Thread thread : workers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a reader failed", failures.get(0));
        }
        return new long[] {cpu.get(), bytes.get()};
    }

    /**
     * The best hit rate any cache could reach on the zipf stream while holding as many rows as each Hybrid
     * target's cache holds now (its bytes in use over what a row takes in that layer), and holding a
     * tenth of the rows: the share of {@value #IDEAL_SAMPLES} draws that fall on the most frequent keys.
     */
    private static void printIdealHitRates(List<Target> targets, int rows) {
        int[] counts = new int[rows];
        ZipfKeys zipf = new ZipfKeys(rows, 7);
        for (int i = 0; i < IDEAL_SAMPLES; i++) {
            counts[zipf.next()]++;
        }
        long[] sorted = Arrays.stream(counts).mapToLong(c -> c).sorted().toArray();
        long[] top = new long[rows + 1]; // top[k]: draws on the k most frequent keys
        for (int k = 1; k <= rows; k++) {
            top[k] = top[k - 1] + sorted[rows - k];
        }
        System.out.printf(Locale.ROOT, "zipf   ideal cache of a tenth of the rows (%d): %5.1f%%  (%d distinct keys drawn)%n",
                rows / 10, 100.0 * top[rows / 10] / IDEAL_SAMPLES, Arrays.stream(counts).filter(c -> c > 0).count());
        for (Target t : targets.subList(1, targets.size())) {
            try (QueryResult r = t.session().execute("SELECT bytes_used FROM helios_cache_stats")) {
                long rowBytes = t.name().endsWith("chronicle") ? CHRONICLE_ROW_BYTES
                        : t.name().endsWith("compact") ? ZipfMemory.COMPACT_ROW_BYTES : HeliosHybridTarget.ROW_BYTES;
                long held = r.next() ? ((Number) r.row().get(0)).longValue() / rowBytes : 0;
                int k = (int) Math.min(rows, held);
                System.out.printf(Locale.ROOT, "zipf   %-18s holds ~%d rows: ideal hit rate %5.1f%%%n", t.name(), k,
                        100.0 * top[k] / IDEAL_SAMPLES);
            }
        }
    }

    /** Runs {@code ops} selects from key index {@code from}; returns the next index. */
    private static int run(Target target, IntUnaryOperator keys, int from, int ops) {
        int i = from;
        for (int k = 0; k < ops; k++, i++) {
            try (QueryResult r = target.select().execute(keys.applyAsInt(i))) {
                if (!r.next()) {
                    throw new IllegalStateException("row missing");
                }
            }
        }
        return i;
    }

    private static long[] cacheCounters(Target target) {
        try (QueryResult r = target.session().execute("SELECT hits, misses FROM helios_cache_stats")) {
            return r.next() ? new long[] {((Number) r.row().get(0)).longValue(), ((Number) r.row().get(1)).longValue()}
                    : new long[] {0, 0};
        }
    }

    /** Within the zipfian workload's memory budget, as the compare harness runs it ({@link ZipfMemory}). */
    private static Target open(String name, Path dir, long budget, String provider, int rows) {
        HeliosConfig config = HeliosEmbeddedTarget.config("rocksdb", dir);
        config = config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"))
                .withStorage(config.storage().withDirectReads(ZipfMemory.directReads()));
        if (provider != null) {
            config = config.withStorage(config.storage().withCacheSizeBytes(ZipfMemory.hybridRowCacheBytes(budget))
                    .withEngineCacheBytes(ZipfMemory.hybridEngineCacheBytes(budget)).withCacheProvider(provider));
        } else {
            config = config.withStorage(config.storage().withCacheSizeBytes(budget).withCacheProvider("none"));
        }
        HeliosDB db = HeliosDB.serve(config);
        Session s = db.session();
        s.execute(Workload.ITEMS_DDL).close();
        try (PreparedQuery insert = s.prepare(HeliosClient.dollarParameters(Workload.INSERT_ITEM))) {
            for (int start = 0; start < rows; start += 1000) {
                s.execute("BEGIN").close();
                for (int id = start; id < Math.min(rows, start + 1000); id++) {
                    insert.execute(id, id % 100, (long) (id % 997) * 3, "note-" + id).close();
                }
                s.execute("COMMIT").close();
            }
        }
        return new Target(name, db, s, s.prepare("SELECT id, grp, amount, note FROM items WHERE id = $1"));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
