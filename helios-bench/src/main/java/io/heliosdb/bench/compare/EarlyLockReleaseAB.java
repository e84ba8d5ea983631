package io.heliosdb.bench.compare;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import io.heliosdb.api.config.HeliosConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * pgbench tpcb-like (durable, RocksDB unless {@code -Dengine=}) against HeliosDB Server in this JVM with early
 * lock release off and on ({@code -Delr.modes=false,true}, the default; {@code strict} is the third setting),
 * interleaved round by round (the order rotates), each run on a fresh copy of one database loaded once: tps,
 * commits per sync, lock waits and statement restarts per transaction, commit time, and the JVM's CPU per
 * transaction (all its threads; on a loaded machine that and commits per sync say more than tps). Prints each
 * run, the medians per mode and each mode's ratios to the first.
 *
 * <pre>java -XX:+AlwaysPreTouch -Xmx1g -cp helios-bench/target/benchmarks.jar:helios-bench/target/lib/* \
 *   io.heliosdb.bench.compare.EarlyLockReleaseAB [rounds=5] [seconds=10] [clients=8] [scale=5] [protocol=simple]</pre>
 * A mode {@code MODE+hybrid} runs Hybrid's composition (the row cache the harness gives it) instead of Server's.
 * ({@code bench/elr-ab} runs it.) {@code -Delr.vacuumTemplate=true} vacuums the loaded tables once before the runs.
 */
public final class EarlyLockReleaseAB {
    /** The kernel's switch (io.heliosdb.core.txn.TransactionalStore.EARLY_LOCK_RELEASE_PROPERTY). */
    private static final String PROPERTY = "helios.earlyLockRelease";

    private EarlyLockReleaseAB() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int scale = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String protocol = args.length > 4 ? args[4] : "simple";
        System.setProperty("elr.scale", Integer.toString(scale));
        String engine = System.getProperty("engine", "rocksdb");
        Path pgbench = PgbenchBinary.find();
        if (pgbench == null) {
            throw new IllegalStateException(PgbenchBinary.missing());
        }
        List<String> modes = List.of(System.getProperty("elr.modes", "false,true").split(","));
        // -Delr.template=DIR keeps the loaded tables for the next JVM (A/B runs of two builds): loaded only if absent.
        String kept = System.getProperty("elr.template");
        Path template = kept != null ? Path.of(kept) : Files.createTempDirectory("elr-ab-template");
        if (kept == null || !Files.isDirectory(template)) {
            Files.createDirectories(template);
            load(pgbench, engine, template, scale); // pgbench -i once: at scale 5 it takes minutes on a loaded machine
        }
        if (Boolean.getBoolean("elr.vacuumTemplate")) {
            // What ALTER TABLE ... ADD PRIMARY KEY left after pgbench -i (a deletion marker and a history version per
            // row) goes before the runs, as it would long before any real workload; otherwise each run's background
            // vacuum removes it again while it is measured.
            try (HeliosDB db = HeliosDB.open(config(engine, template)); Session s = db.session()) {
                s.execute("VACUUM").close();
            }
        }
        // One run not counted: the JIT compiles the transaction path in whichever run comes first.
        TpcbContentionMain.print("warm-up run (not counted)",
                run(pgbench, engine, template, modes.get(0), seconds, clients, protocol));
        Map<String, List<Map<String, Double>>> runs = new LinkedHashMap<>();
        modes.forEach(mode -> runs.put(mode, new ArrayList<>()));
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < modes.size(); i++) {
                String mode = modes.get((i + round - 1) % modes.size()); // the order rotates round by round
                Map<String, Double> m = run(pgbench, engine, template, mode, seconds, clients, protocol);
                runs.get(mode).add(m);
                TpcbContentionMain.print("round " + round + " early_lock_release=" + mode, m);
            }
        }
        Map<String, Double> first = TpcbContentionMain.medians(runs.get(modes.get(0)));
        for (String mode : modes) {
            Map<String, Double> median = TpcbContentionMain.medians(runs.get(mode));
            TpcbContentionMain.print("median early_lock_release=" + mode, median);
            StringBuilder ratios = new StringBuilder("median ratio " + mode + "/" + modes.get(0));
            for (String key : List.of("tps", "commits/sync", "cpu_us/tx helios", "commit_ms/commit", "lock_wait_ms/tx",
                    "write_ms/group", "sync_ms/sync")) {
                ratios.append(String.format(Locale.ROOT, "%n    %-34s %12.3f", key, median.get(key) / first.get(key)));
            }
            System.out.println(ratios);
        }
        if (kept == null) {
            delete(template);
        }
    }

    private static HeliosConfig config(String engine, Path dir) {
        HeliosConfig config = HeliosEmbeddedTarget.config(engine, dir);
        return config.withServer(config.server().withPort(0).withListenAddr("127.0.0.1"));
    }

    private static void load(Path pgbench, String engine, Path dir, int scale) throws Exception {
        try (HeliosDB db = HeliosDB.serve(config(engine, dir))) {
            TpcbContentionMain.pgbench(pgbench, db.transports().get(0).port(),
                    PgbenchScript.initArgs(scale));
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static Map<String, Double> run(Path pgbench, String engine, Path template, String mode, int seconds,
                                           int clients, String protocol) throws Exception {
        Path dir = Files.createTempDirectory("elr-ab");
        try {
            copy(template, dir);
            HeliosConfig config = config(engine, dir);
            // "MODE+hybrid": Hybrid's composition (Server plus the default row cache of a tenth of pgbench_accounts,
            // as the harness sizes it) instead of Server's (the block cache gets that budget).
            String[] parts = mode.split("\\+");
            long accounts = 100_000L * Integer.getInteger("elr.scale", 5);
            long cacheBytes = accounts * HeliosHybridTarget.ROW_BYTES / 10;
            config = config.withStorage(parts.length > 1 && parts[1].equals("hybrid")
                    ? config.storage().withCacheSizeBytes(cacheBytes)
                    : config.storage().withCacheSizeBytes(HeliosServerTarget.ENGINE_DEFAULT_CACHE + cacheBytes)
                            .withCacheProvider("none"));
            System.setProperty(PROPERTY, parts[0]);
            HeliosDB db;
            try {
                db = HeliosDB.serve(config); // the store reads the switch when it opens
            } finally {
                System.clearProperty(PROPERTY);
            }
            try (db; Session stats = db.session()) {
                int port = db.transports().get(0).port();
                List<String> bench = List.of("-n", "-c", Integer.toString(clients), "-j", "2", "-M", protocol,
                        "-T", Integer.toString(seconds));
                TpcbContentionMain.pgbench(pgbench, port, bench); // warm-up: JIT and caches
                Map<String, Double> before = HeliosStats.read(stats);
                Map<String, ThreadCosts> threadsBefore = TpcbContentionMain.threadGroups();
                String out = TpcbContentionMain.pgbench(pgbench, port, bench);
                Map<String, ThreadCosts> threadsAfter = TpcbContentionMain.threadGroups();
                Map<String, Double> after = HeliosStats.read(stats);
                PgbenchOutput parsed = PgbenchOutput.parse(out);
                String problem = parsed.problem(0);
                if (problem != null) {
                    throw new IllegalStateException(problem + "\n" + out);
                }
                double tx = parsed.processed();
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("tps", parsed.tps());
                m.put("latency_ms", parsed.latencyAvgMs());
                double commits = HeliosStats.delta(before, after, "commits_total");
                m.put("commits/sync", commits / HeliosStats.delta(before, after, "commit_syncs_total"));
                m.put("commits/group", commits / HeliosStats.delta(before, after, "commit_groups_total"));
                m.put("commit_ms/commit", HeliosStats.delta(before, after, "commit_seconds_total") * 1e3 / commits);
                m.put("write_sync_ms/commit",
                        HeliosStats.delta(before, after, "commit_write_seconds_total") * 1e3 / commits);
                // The write alone and the sync alone (a separate sync exists only under early lock release).
                double syncSeconds = HeliosStats.delta(before, after, "commit_sync_seconds_total");
                m.put("write_ms/group", (HeliosStats.delta(before, after, "commit_write_seconds_total") - syncSeconds)
                        * 1e3 / HeliosStats.delta(before, after, "commit_groups_total"));
                m.put("sync_ms/sync", syncSeconds * 1e3 / HeliosStats.delta(before, after, "commit_syncs_total"));
                m.put("wal_kb/commit", HeliosStats.delta(before, after, "storage_rocksdb_wal_file_bytes") / 1024 / commits);
                m.put("lock_waits/tx", HeliosStats.delta(before, after, "lock_waits_total") / tx);
                m.put("lock_wait_ms/tx", HeliosStats.delta(before, after, "lock_wait_seconds_total") * 1e3 / tx);
                m.put("restarts/tx", HeliosStats.delta(before, after, "statement_restarts_total") / tx);
                long cpu = 0;
                long vcsw = 0;
                for (Map.Entry<String, ThreadCosts> e : threadsAfter.entrySet()) {
                    ThreadCosts b = threadsBefore.getOrDefault(e.getKey(), ThreadCosts.ZERO);
                    cpu += e.getValue().cpuNanos() - b.cpuNanos();
                    vcsw += e.getValue().voluntary() - b.voluntary();
                }
                m.put("cpu_us/tx helios", cpu / 1e3 / tx);
                // By thread group (workers, committer, event loops, JIT compilers, GC): where a transaction's CPU goes.
                // Groups under 5 µs per transaction are left out (noise).
                threadsAfter.forEach((group, a) -> {
                    long groupCpu = a.cpuNanos() - threadsBefore.getOrDefault(group, ThreadCosts.ZERO).cpuNanos();
                    if (groupCpu / tx >= 5_000) {
                        m.put("cpu_us/tx " + group, groupCpu / 1e3 / tx);
                    }
                });
                ThreadCosts vacuum = threadsAfter.getOrDefault("helios-vacuum", ThreadCosts.ZERO);
                m.put("vacuum_cpu_us/tx", (vacuum.cpuNanos()
                        - threadsBefore.getOrDefault("helios-vacuum", ThreadCosts.ZERO).cpuNanos()) / 1e3 / tx);
                m.put("vcsw/tx helios", vcsw / tx);
                return m;
            }
        } finally {
            delete(dir);
        }
    }
}
