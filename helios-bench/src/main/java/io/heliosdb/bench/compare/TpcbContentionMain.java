package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench tpcb-like (scale 1, durable) against HeliosDB Server (in this JVM, RocksDB unless
 * {@code -Dengine=}) and a throw-away PostgreSQL 15, interleaved round by round (H P H P ...), with what
 * explains the difference on a machine too busy for tps to mean much: pgbench's per-statement latencies
 * ({@code -r}) on both, and for HeliosDB the kernel's contention counters per transaction (lock waits,
 * request-to-grant and hand-off-to-running time, commit time and storage write+sync time, commits per
 * group, READ COMMITTED statement restarts) and CPU per transaction by thread group; for PostgreSQL
 * the CPU of its processes per transaction. At scale 1 every transaction updates the one branch row,
 * so the per-transaction time of the serialised part is what decides tps on both systems.
 *
 * <pre>java -XX:+AlwaysPreTouch -cp helios-bench/target/benchmarks.jar:helios-bench/target/lib/* \
 *   io.heliosdb.bench.compare.TpcbContentionMain [rounds=5] [seconds=10] [clients=8] [protocol=simple]</pre>
 * ({@code bench/tpcb-contention} runs it.)
 */
public final class TpcbContentionMain {
    private static final Pattern STATEMENT = Pattern.compile("^\\s+(\\d+\\.\\d+)\\s+(?:\\d+\\s+)*(\\S.*)$");

    private TpcbContentionMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String protocol = args.length > 3 ? args[3] : "simple";
        String engine = System.getProperty("engine", "rocksdb");
        Path pgbench = PgbenchBinary.find();
        if (pgbench == null) {
            throw new IllegalStateException(PgbenchBinary.missing());
        }
        Path dir = Files.createTempDirectory("tpcb-contention");
        HeliosConfig config = HeliosEmbeddedTarget.config(engine, dir);
        config = config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"));
        List<String> run = List.of("-n", "-c", Integer.toString(clients), "-j", "2", "-M", protocol, "-r", "-T",
                Integer.toString(seconds));
        try (HeliosDB db = HeliosDB.serve(config); PostgresCluster pg = PostgresCluster.start(PostgresCluster.DEFAULT_BIN);
             Session stats = db.session()) {
            int heliosPort = db.transports().get(0).port();
            for (int port : new int[] {heliosPort, pg.port()}) {
                pgbench(pgbench, port, PgbenchScript.initArgs(1));
            }
            // The JIT needs tens of thousands of statements; PostgreSQL only its caches.
            pgbench(pgbench, heliosPort, List.of("-n", "-c", Integer.toString(clients), "-j", "2", "-M", protocol,
                    "-T", Integer.toString(Math.max(10, seconds))));
            pgbench(pgbench, pg.port(), List.of("-n", "-c", Integer.toString(clients), "-j", "2", "-M", protocol,
                    "-T", "3"));
            List<Map<String, Double>> helios = new ArrayList<>();
            List<Map<String, Double>> postgres = new ArrayList<>();
            long postmaster = postmasterPid(pg);
            for (int r = 1; r <= rounds; r++) {
                Map<String, Double> before = heliosStats(stats);
                Map<String, ThreadCosts> threadsBefore = threadGroups();
                String out = pgbench(pgbench, heliosPort, run);
                Map<String, Double> h = heliosRound(out, before, heliosStats(stats), threadsBefore, threadGroups());
                helios.add(h);
                print("round " + r + " helios", h);
                long pgCpu = childrenCpuNanos(postmaster);
                out = pgbench(pgbench, pg.port(), run);
                Map<String, Double> p = parse(out);
                p.put("cpu_us/tx postgres", (childrenCpuNanos(postmaster) - pgCpu) / 1e3 / p.get("tx"));
                postgres.add(p);
                print("round " + r + " postgres", p);
                System.out.printf(Locale.ROOT, "round %d ratio helios/postgres tps=%.3f%n", r, h.get("tps") / p.get("tps"));
            }
            print("median helios", medians(helios));
            print("median postgres", medians(postgres));
            System.out.printf(Locale.ROOT, "median ratio helios/postgres tps=%.3f%n",
                    medians(helios).get("tps") / medians(postgres).get("tps"));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** tps, transactions, latency and per-statement latencies (ms) from pgbench's output. */
    static Map<String, Double> parse(String out) {
        PgbenchOutput parsed = PgbenchOutput.parse(out);
        String problem = parsed.problem(0);
        if (problem != null) {
            throw new IllegalStateException(problem + "\n" + out);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("tps", parsed.tps());
        m.put("tx", (double) parsed.processed());
        m.put("latency_ms", parsed.latencyAvgMs());
        boolean statements = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("statement latencies")) {
                statements = true;
                continue;
            }
            Matcher s = STATEMENT.matcher(line);
            if (statements && s.matches() && !s.group(2).startsWith("\\")) {
                String sql = s.group(2);
                String name = "ms " + sql.substring(0, Math.min(sql.length(), 22)).strip();
                m.merge(name, Double.parseDouble(s.group(1)), Double::sum);
            }
        }
        return m;
    }

    private static Map<String, Double> heliosRound(String out, Map<String, Double> before, Map<String, Double> after,
                                                   Map<String, ThreadCosts> threadsBefore,
                                                   Map<String, ThreadCosts> threadsAfter) {
        Map<String, Double> m = parse(out);
        double tx = m.get("tx");
        double waits = delta(before, after, "lock_waits_total");
        double groups = delta(before, after, "commit_groups_total");
        double commits = delta(before, after, "commits_total");
        m.put("lock_waits/tx", waits / tx);
        m.put("lock_wait_ms/wait", delta(before, after, "lock_wait_seconds_total") * 1e3 / waits);
        m.put("lock_wake_us/wait", delta(before, after, "lock_wake_seconds_total") * 1e6 / waits);
        m.put("commit_ms/commit", delta(before, after, "commit_seconds_total") * 1e3 / commits);
        m.put("write_sync_ms/group", delta(before, after, "commit_write_seconds_total") * 1e3 / groups);
        m.put("commits/group", commits / groups);
        // The write alone and the sync alone (a separate sync exists only under early lock release).
        double syncSeconds = delta(before, after, "commit_sync_seconds_total");
        m.put("write_ms/group", (delta(before, after, "commit_write_seconds_total") - syncSeconds) * 1e3 / groups);
        m.put("sync_ms/sync", syncSeconds * 1e3 / delta(before, after, "commit_syncs_total"));
        m.put("commits/sync", commits / delta(before, after, "commit_syncs_total"));
        m.put("wal_kb/commit", delta(before, after, "storage_rocksdb_wal_file_bytes") / 1024 / commits);
        m.put("restarts/tx", delta(before, after, "statement_restarts_total") / tx);
        long total = 0;
        for (Map.Entry<String, ThreadCosts> e : threadsAfter.entrySet()) {
            ThreadCosts b = threadsBefore.getOrDefault(e.getKey(), ThreadCosts.ZERO);
            long cpu = e.getValue().cpuNanos() - b.cpuNanos();
            total += cpu;
            if (cpu / tx >= 5_000) { // groups under 5 µs per transaction are noise here
                m.put("cpu_us/tx " + e.getKey(), cpu / 1e3 / tx);
                m.put("vcsw/tx " + e.getKey(), (e.getValue().voluntary() - b.voluntary()) / tx);
            }
        }
        m.put("cpu_us/tx helios", total / 1e3 / tx);
        return m;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return HeliosStats.delta(before, after, name);
    }

    private static Map<String, Double> heliosStats(Session session) {
        return HeliosStats.read(session);
    }

    /** CPU and switches of this JVM's threads, summed by name without its trailing number. */
    static Map<String, ThreadCosts> threadGroups() throws IOException {
        Map<String, ThreadCosts> out = new TreeMap<>();
        ThreadCosts.threadsOfThisProcess().values().forEach(t ->
                out.merge(t.name().replaceAll("[-#_ ]*[0-9]+$", ""), t.costs(), ThreadCosts::plus));
        return out;
    }

    private static long postmasterPid(PostgresCluster pg) throws IOException {
        return Long.parseLong(Files.readAllLines(pg.dataDir().resolve("postmaster.pid")).get(0).strip());
    }

    /** CPU of the postmaster's children (backends, WAL writer, checkpointer) now alive. */
    private static long childrenCpuNanos(long parent) throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parent) {
                        sum += ThreadCosts.ofProcess(Long.parseLong(p.getFileName().toString())).cpuNanos();
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return sum;
    }

    static Map<String, Double> medians(List<Map<String, Double>> rounds) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String key : rounds.get(0).keySet()) {
            double[] v = rounds.stream().mapToDouble(m -> m.getOrDefault(key, Double.NaN)).sorted().toArray();
            out.put(key, v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
        }
        return out;
    }

    static void print(String label, Map<String, Double> m) {
        StringBuilder s = new StringBuilder(label);
        m.forEach((k, v) -> s.append(String.format(Locale.ROOT, "%n    %-34s %12.3f", k, v)));
        System.out.println(s);
    }

    static String pgbench(Path pgbench, int port, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", PostgresCluster.USER));
        command.addAll(args);
        command.add("postgres");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("pgbench failed: " + String.join(" ", command) + "\n" + out);
            }
            return out;
        } finally {
            process.destroyForcibly();
        }
    }
}
