package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What one prepared point SELECT costs through the PostgreSQL protocol, in units a loaded machine
 * does not distort: CPU microseconds and context switches per query, per thread group, for
 * HeliosDB Server (in memory, in this JVM) and PostgreSQL 15 (a backend process, whose CPU and
 * switches are read from /proc by its pg_backend_pid()). One client connection over pgJDBC with
 * prepareThreshold=1, so every query is Bind/Describe/Execute/Sync of a server-side statement.
 * The JIT compiler threads are shown as {@code jit} and left out of TOTAL (warm-up, not per query);
 * garbage collection stays in ({@code jvm-other}). {@code alloc-B} is the bytes this JVM's threads allocate
 * per query (HotSpot's per-thread counters): steady under load, where CPU times are not.
 *
 * <pre>java -cp helios-bench/target/benchmarks.jar io.heliosdb.bench.compare.WireCostMain
 *     [--queries 20000] [--warmup 30000] [--rounds 3] [--rows 10000] [--no-postgres] [--pg-bin DIR]
 *     [--max-connections N] [--threads] [--loop-reads-too]</pre>
 * {@code --threads} also lists, per round, the busiest threads of this JVM by name. {@code --loop-reads-too}
 * adds {@code helios-loop-reads}, interleaved with the others: the same server with its connection's
 * queries read on the Netty event loop and handed to the worker (helios-wire's
 * {@code -Dhelios.wire.workerReads=false}, read per connection), to compare with the worker reading its
 * socket itself. {@code --simple}: every query a simple Query message with its value inlined (pgJDBC's
 * {@code preferQueryMode=simple}), as pgbench's {@code -M simple} sends them. {@code --unlifted-too} adds
 * {@code helios-unlifted}, interleaved: the same server with every text parsed and planned anew
 * (helios-core's {@code -Dhelios.sql.liftLiterals=false}, read per session) instead of run as its shape
 * with the literals lifted out.
 */
public final class WireCostMain {
    private static final String SELECT = "SELECT id, grp, amount, note FROM items WHERE id = ?";
    /** helios-wire's switch for the worker reading its connection's socket (read when a connection opens). */
    private static final String WORKER_READS = "helios.wire.workerReads";
    /** helios-core's switch for running texts as their literal-free shapes (read when a session opens). */
    private static final String LIFT_LITERALS = "helios.sql.liftLiterals";
    /** {@code --simple}: simple Query messages instead of a server-side prepared statement. */
    private static boolean simpleQueries;

    private WireCostMain() {
    }

    public static void main(String[] args) throws Exception {
        int queries = 20_000;
        int warmup = 30_000;
        int rounds = 3;
        int rows = 10_000;
        boolean postgres = true;
        boolean threads = false;
        boolean loopReadsToo = false;
        boolean simple = false;
        boolean unliftedToo = false;
        int maxConnections = 0;
        Path pgBin = PostgresCluster.DEFAULT_BIN;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--no-postgres" -> postgres = false;
                case "--threads" -> threads = true;
                case "--loop-reads-too" -> loopReadsToo = true;
                case "--simple" -> simple = true;
                case "--unlifted-too" -> unliftedToo = true;
                case "--max-connections" -> maxConnections = Integer.parseInt(args[++i]);
                case "--pg-bin" -> pgBin = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: WireCostMain [--queries N] [--warmup N] [--rounds N] [--rows N]"
                            + " [--no-postgres] [--pg-bin DIR] [--max-connections N] [--threads] [--loop-reads-too] [--simple]"
                            + " [--unlifted-too]");
                    System.exit(2);
                }
            }
        }
        simpleQueries = simple;
        if (!ThreadCosts.available()) {
            System.err.println("wire-cost: needs Linux /proc");
            System.exit(1);
        }
        Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
        PostgresCluster cluster = postgres ? PostgresCluster.start(pgBin) : null;
        HeliosConfig config = HeliosConfig.memory();
        var server = config.server().withPort(0).withListenAddr("127.0.0.1");
        if (maxConnections > 0) {
            server = server.withMaxConnections(maxConnections);
        }
        HeliosDB helios = HeliosDB.serve(config.withServer(server));
        try {
            String heliosUrl = "jdbc:postgresql://127.0.0.1:" + helios.transports().get(0).port() + "/postgres";
            String pgUrl = cluster == null ? null : "jdbc:postgresql://127.0.0.1:" + cluster.port() + "/postgres";
            load(heliosUrl, rows);
            if (pgUrl != null) {
                load(pgUrl, rows);
            }
            // Interleaved, each round on a fresh connection after its own warm-up.
            for (int round = 0; round < rounds; round++) {
                results.computeIfAbsent("helios-server-mem", k -> new ArrayList<>())
                        .add(measure(heliosUrl, false, rows, warmup, queries, threads));
                if (loopReadsToo) {
                    System.setProperty(WORKER_READS, "false");
                    try {
                        results.computeIfAbsent("helios-loop-reads", k -> new ArrayList<>())
                                .add(measure(heliosUrl, false, rows, warmup, queries, threads));
                    } finally {
                        System.clearProperty(WORKER_READS);
                    }
                }
                if (unliftedToo) {
                    System.setProperty(LIFT_LITERALS, "false");
                    try {
                        results.computeIfAbsent("helios-unlifted", k -> new ArrayList<>())
                                .add(measure(heliosUrl, false, rows, warmup, queries, threads));
                    } finally {
                        System.clearProperty(LIFT_LITERALS);
                    }
                }
                if (pgUrl != null) {
                    results.computeIfAbsent("postgres", k -> new ArrayList<>())
                            .add(measure(pgUrl, true, rows, warmup, queries, threads));
                }
            }
        } finally {
            helios.close();
            if (cluster != null) {
                cluster.close();
            }
        }
        print(results, queries);
    }

    private static void load(String url, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PgJdbc.properties(PostgresCluster.USER));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS items");
            s.execute(Workload.ITEMS_DDL);
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(Workload.INSERT_ITEM)) {
                for (int id = 0; id < rows; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id % 100);
                    insert.setLong(3, (long) (id % 997) * 3);
                    insert.setString(4, "note-" + id);
                    insert.addBatch();
                    if (id % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    /** One round: {@code warmup} queries, then {@code queries} measured ones; per-query costs by thread group. */
    private static Map<String, Double> measure(String url, boolean separateBackend, int rows, int warmup,
                                               int queries, boolean listThreads) throws Exception {
        java.util.Properties properties = PgJdbc.properties(PostgresCluster.USER);
        if (simpleQueries) {
            properties.setProperty("preferQueryMode", "simple");
        }
        try (Connection c = DriverManager.getConnection(url, properties);
             PreparedStatement select = c.prepareStatement(SELECT)) {
            long backend = 0;
            if (separateBackend) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    backend = rs.getLong(1);
                }
            }
            SplittableRandom random = new SplittableRandom(42);
            run(select, random, rows, warmup);   // JIT, caches, pools
            long clientTid = ThreadCosts.currentTid();
            Map<Long, ThreadAllocations.Named> allocatedBefore = ThreadAllocations.available()
                    ? ThreadAllocations.snapshot() : Map.of();
            Map<Long, ThreadCosts.Named> before = ThreadCosts.threadsOfThisProcess();
            ThreadCosts backendBefore = separateBackend ? ThreadCosts.ofProcess(backend) : ThreadCosts.ZERO;
            long start = System.nanoTime();
            run(select, random, rows, queries);
            long elapsed = System.nanoTime() - start;
            ThreadCosts backendCost = separateBackend ? ThreadCosts.ofProcess(backend).minus(backendBefore)
                    : ThreadCosts.ZERO;
            Map<Long, ThreadCosts.Named> after = ThreadCosts.threadsOfThisProcess();
            Map<String, Long> allocated = allocatedPerGroup(allocatedBefore);
            Map<String, ThreadCosts> groups = new LinkedHashMap<>();
            Map<String, ThreadCosts> byName = new LinkedHashMap<>();
            after.forEach((tid, now) -> {
                ThreadCosts.Named then = before.get(tid);
                ThreadCosts delta = then == null ? now.costs() : now.costs().minus(then.costs());
                groups.merge(group(tid == clientTid, now.name()), delta, ThreadCosts::plus);
                byName.merge(now.name(), delta, ThreadCosts::plus);
            });
            if (listThreads) {
                System.out.println((separateBackend ? "postgres" : "helios")
                        + " round, busiest threads (cpu-us/query):");
                byName.entrySet().stream()
                        .sorted((a, b) -> Long.compare(b.getValue().cpuNanos(), a.getValue().cpuNanos())).limit(8)
                        .forEach(e -> System.out.printf(Locale.ROOT, "  %-16s %8.2f%n", e.getKey(),
                                e.getValue().cpuNanos() / 1000.0 / queries));
            }
            if (separateBackend) {
                groups.put("backend", backendCost);
            }
            long ended = before.keySet().stream().filter(tid -> !after.containsKey(tid)).count();
            Map<String, Double> out = new LinkedHashMap<>();
            ThreadCosts total = ThreadCosts.ZERO;
            for (Map.Entry<String, ThreadCosts> e : groups.entrySet()) {
                ThreadCosts t = e.getValue();
                if (!e.getKey().equals("jit")) {
                    total = total.plus(t);
                }
                out.put("cpu-us " + e.getKey(), t.cpuNanos() / 1000.0 / queries);
                out.put("vcs " + e.getKey(), (double) t.voluntary() / queries);
                out.put("sys% " + e.getKey(), 100 * t.systemShare());
            }
            allocated.forEach((group, bytes) -> out.put("alloc-B " + group, (double) bytes / queries));
            out.put("cpu-us TOTAL", total.cpuNanos() / 1000.0 / queries);
            out.put("vcs TOTAL", (double) total.voluntary() / queries);
            out.put("ivcs TOTAL", (double) total.involuntary() / queries);
            out.put("threads ended (uncounted)", (double) ended);
            out.put("wall qps (load-sensitive)", queries * 1e9 / elapsed);
            return out;
        }
    }

    /** Bytes allocated since {@code before}, per thread group (the client is the calling thread). */
    private static Map<String, Long> allocatedPerGroup(Map<Long, ThreadAllocations.Named> before) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (before.isEmpty()) {
            return out;
        }
        long client = Thread.currentThread().getId();
        ThreadAllocations.snapshot().forEach((id, now) -> {
            ThreadAllocations.Named then = before.get(id);
            long bytes = now.bytes() - (then == null ? 0 : then.bytes());
            String group = group(id == client, now.name());
            if (group.startsWith("server") || group.equals("client")) {   // the JVM's own threads vary by run
                out.merge(group, bytes, Long::sum);
            }
        });
        return out;
    }

    private static void run(PreparedStatement select, SplittableRandom random, int rows, int queries)
            throws SQLException {
        for (int i = 0; i < queries; i++) {
            select.setInt(1, random.nextInt(rows));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("row missing");
                }
            }
        }
    }

    /**
     * The group a thread's CPU is counted in. Linux thread names are cut at 15 characters: helios-pg-worke,
     * helios-pg-io-1-; the server's other threads (group commit, vacuum) are all named helios-*.
     */
    static String group(boolean client, String name) {
        if (client) {
            return "client";
        }
        if (name.startsWith("helios-pg-io")) {
            return "server-io";
        }
        if (name.startsWith("helios-pg-work")) {
            return "server-worker";
        }
        if (name.startsWith("helios")) {
            return "server-other";
        }
        if (name.contains("CompilerThre")) {
            return "jit";   // compiling is warm-up, not a per-query cost: shown, but left out of TOTAL
        }
        return "jvm-other";
    }

    /** Median of the rounds for each measure, per target. */
    private static void print(Map<String, List<Map<String, Double>>> results, int queries) {
        System.out.printf(Locale.ROOT, "%s point SELECT over pgJDBC, %d queries per round, median of %d rounds%n",
                simpleQueries ? "simple-Query" : "prepared", queries, results.values().iterator().next().size());
        List<String> keys = new ArrayList<>();
        results.values().forEach(rounds -> rounds.forEach(r -> r.keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        })));
        keys.sort((a, b) -> Integer.compare(order(a), order(b)));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-28s", "per query"));
        results.keySet().forEach(t -> header.append(String.format(Locale.ROOT, " %18s", t)));
        System.out.println(header);
        for (String key : keys) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", key));
            for (List<Map<String, Double>> rounds : results.values()) {
                List<Double> values = rounds.stream().map(r -> r.get(key)).filter(v -> v != null).sorted().toList();
                line.append(values.isEmpty() ? String.format(Locale.ROOT, " %18s", "-")
                        : String.format(Locale.ROOT, " %18.2f", values.get(values.size() / 2)));
            }
            System.out.println(line);
        }
    }

    private static final List<String> GROUPS = List.of("client", "server-io", "server-worker", "server-other",
            "backend", "jvm-other", "jit", "TOTAL");

    private static int order(String key) {
        int kind = key.startsWith("cpu-us") ? 0 : key.startsWith("sys%") ? 1 : key.startsWith("vcs") ? 2
                : key.startsWith("ivcs") ? 3 : key.startsWith("alloc-B") ? 4 : 5;
        return kind * 10 + Math.max(0, GROUPS.indexOf(key.substring(key.indexOf(' ') + 1)));
    }
}
