package io.heliosdb.bench.jmh;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Row;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import io.heliosdb.bench.compare.BulkLoad;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * CPU time and heap allocation per prepared point SELECT by primary key, measured on the calling
 * thread (so load from other processes on the machine does not count, unlike wall-clock throughput).
 * Same table, query and drain as ./bench/compare's point-select workload.
 *
 * <pre>java -cp helios-bench/target/benchmarks.jar io.heliosdb.bench.jmh.PointSelectCost [memory|rocksdb] [rows] [ops] [reps]</pre>
 * (system properties: {@code pointsel.select} another select list, {@code pointsel.cold} no warm-up,
 * {@code pointsel.reopen} read a persistent engine's files after a reopen, {@code pointsel.data}
 * a kept data directory, {@code pointsel.bulk} load as ./bench/compare builds its data set (items and customers,
 * INSERT ... SELECT over generate_series in 100,000-row transactions, so the files have the same shape),
 * {@code pointsel.stats} print the storage engine's block-cache counters per repetition, {@code pointsel.simple} run the
 * statement unprepared, its text with the key inlined, as the simple query protocol does).
 *
 * Prints one line per repetition (with the GC pause and JIT compile milliseconds during it) and a last line {@code median <engine> cpu_us_per_op=... bytes_per_op=...}.
 * To compare two builds, run it alternately with each build's jars first on the class path.
 */
public final class PointSelectCost {
    private PointSelectCost() {
    }

    public static void main(String[] args) throws IOException {
        String engine = args.length > 0 ? args[0] : "memory";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        // -Dpointsel.data=DIR: a persistent engine's directory kept between runs (loaded only when empty), so
        // runs at a million rows need not load them each time (copy it per run: an open may compact it).
        String kept = System.getProperty("pointsel.data");
        Path dir = engine.equals("memory") ? null
                : kept != null ? Path.of(kept) : Files.createTempDirectory("pointsel-cost");
        boolean loaded = kept != null && Files.exists(dir.resolve("helios"));
        HeliosConfig config;
        if (dir == null) {
            config = HeliosConfig.memory();
        } else {
            HeliosConfig persistent = HeliosConfig.persistent(dir.resolve("helios"));
            config = persistent.withStorage(persistent.storage().withEngine(engine));
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        // -Dpointsel.reopen=true: load, close and open again, so a persistent engine reads its files (as
        // ./bench/compare's runs do, which open a copy of a data set built before) rather than its write buffer.
        boolean reopen = dir != null && Boolean.getBoolean("pointsel.reopen");
        if (reopen && !loaded) {
            try (HeliosDB db = HeliosDB.open(config); Session session = db.session()) {
                load(session, rows);
            }
        }
        boolean stats = Boolean.getBoolean("pointsel.stats");
        try (HeliosDB db = HeliosDB.open(config); Session session = db.session()) {
            if (!reopen && !loaded) {
                load(session, rows);
            }
            // -Dpointsel.select="note": another select list (e.g. one column, to see what decoding the others costs).
            String list = System.getProperty("pointsel.select", "id, grp, amount, note");
            String text = "SELECT " + list + " FROM items WHERE id = ";
            try (PreparedQuery prepared = session.prepare(text + "$1")) {
                IntFunction<QueryResult> select = Boolean.getBoolean("pointsel.simple")
                        ? key -> session.execute(text + key) : prepared::execute;
                SplittableRandom random = new SplittableRandom(42);
                if (!Boolean.getBoolean("pointsel.cold")) {
                    run(select, random, rows, ops); // warm-up (-Dpointsel.cold=true: none, to watch the JIT settle)
                }
                double[] cpu = new double[reps];
                double[] bytes = new double[reps];
                for (int r = 0; r < reps; r++) {
                    Map<String, Long> stats0 = stats ? blockCacheCounters(session) : null;
                    long gc0 = gcMillis();
                    long jit0 = jit.getTotalCompilationTime();
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long bytes0 = threads.getThreadAllocatedBytes(thread);
                    long wall0 = System.nanoTime();
                    run(select, random, rows, ops);
                    long wall = System.nanoTime() - wall0;
                    cpu[r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / ops;
                    bytes[r] = (double) (threads.getThreadAllocatedBytes(thread) - bytes0) / ops;
                    // GC pauses and JIT compiler time during the rep tell a slow rep's cause apart.
                    System.out.printf("rep %d %s cpu_us_per_op=%.3f bytes_per_op=%.0f wall_us_per_op=%.3f"
                            + " gc_ms=%d jit_ms=%d%n", r, engine, cpu[r], bytes[r], wall / 1000.0 / ops,
                            gcMillis() - gc0, jit.getTotalCompilationTime() - jit0);
                    if (stats0 != null) {
                        Map<String, Long> stats1 = blockCacheCounters(session);
                        StringBuilder line = new StringBuilder("rep " + r + " per_op");
                        stats1.forEach((name, value) -> line.append(String.format(" %s=%.3f",
                                name, (value - stats0.getOrDefault(name, 0L)) / (double) ops)));
                        System.out.println(line);
                    }
                }
                System.out.printf("median %s cpu_us_per_op=%.3f bytes_per_op=%.0f%n", engine, median(cpu), median(bytes));
            }
        } finally {
            if (dir != null && kept == null) {
                TempFiles.deleteTree(dir);
            }
        }
    }

    /** The engine's block-cache and bloom counters ({@code helios_stats}), short names. */
    private static Map<String, Long> blockCacheCounters(Session session) {
        Map<String, Long> out = new TreeMap<>();
        try (QueryResult result = session.execute("SELECT name, value FROM helios_stats")) {
            while (result.next()) {
                String name = String.valueOf(result.row().get(0));
                if (name.startsWith("storage_rocksdb_block_cache_") || name.startsWith("storage_rocksdb_bloom")) {
                    out.put(name.substring("storage_rocksdb_".length()),
                            (long) Double.parseDouble(String.valueOf(result.row().get(1))));
                }
            }
        }
        return out;
    }

    private static void load(Session session, int rows) {
        if (Boolean.getBoolean("pointsel.bulk")) {
            bulkLoad(session, rows);
            return;
        }
        session.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, amount BIGINT NOT NULL,"
                + " note VARCHAR(40))").close();
        try (PreparedQuery insert = session.prepare("INSERT INTO items (id, grp, amount, note) VALUES ($1, $2, $3, $4)")) {
            for (int start = 0; start < rows; start += 1000) {
                session.execute("BEGIN").close();
                for (int id = start; id < Math.min(rows, start + 1000); id++) {
                    insert.execute(id, id % 100, (long) (id % 997) * 3, "note-" + id).close();
                }
                session.execute("COMMIT").close();
            }
        }
    }

    /** As ./bench/compare's data set: its tables, rows and statements (BulkLoad), one transaction per chunk. */
    private static void bulkLoad(Session session, int rows) {
        session.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, amount BIGINT NOT NULL,"
                + " note VARCHAR(40))").close();
        session.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(40))").close();
        for (int from = 0; from < rows; from += BulkLoad.CHUNK) {
            session.execute(BulkLoad.itemsSql(BulkLoad.Dialect.GENERATE_SERIES, from,
                    Math.min(rows, from + BulkLoad.CHUNK) - 1)).close();
        }
        int customers = Math.max(100, rows / 10); // as Scale.joinRows
        for (int from = 0; from < customers; from += BulkLoad.CHUNK) {
            session.execute(BulkLoad.customersSql(BulkLoad.Dialect.GENERATE_SERIES, from,
                    Math.min(customers, from + BulkLoad.CHUNK) - 1)).close();
        }
    }

    private static long run(IntFunction<QueryResult> select, SplittableRandom random, int rows, int ops) {
        long sink = 0;
        for (int i = 0; i < ops; i++) {
            try (QueryResult result = select.apply(random.nextInt(rows))) {
                int found = 0;
                while (result.next()) {
                    Row row = result.row();
                    for (int c = 0; c < row.size(); c++) {
                        sink += row.get(c) == null ? 0 : 1;
                    }
                    found++;
                }
                if (found != 1) {
                    throw new IllegalStateException("expected one row, got " + found);
                }
            }
        }
        return sink;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
