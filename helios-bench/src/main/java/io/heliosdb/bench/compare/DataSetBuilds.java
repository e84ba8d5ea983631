package io.heliosdb.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Builds a run's data sets ({@link DataSets}) before its first round, two at a time on two cores: nothing is
 * measured while they build, and each build is mostly one thread (a bulk load, then a clean close), so two
 * at once take little more than the longer of them. One target's builds run one after another (PostgreSQL's
 * two go through one cluster). Each build is a JVM of its own, as before, so every file is still written by
 * the system itself; the files do not depend on what else runs meanwhile, only on when each build ends.
 * <p>The targets' groups start longest first ({@link #longestFirst}): in first-seen order the longest build
 * (HeliosDB's pgbench tables, 26.8 s of the 2026-11-25 08:39 full run) started last, after 24 s of shorter builds,
 * and the phase took 53 s for 77 s of builds on two threads; longest first, the same builds fit in about 40 s.
 */
final class DataSetBuilds {
    /** The Elapsed row of the builds: wall time of the whole phase. */
    static final String ELAPSED_LABEL = "data sets (built once, copied for each run; two builds at a time)";

    /** One data set to build: its key, the target that builds it and the workload that reads it. */
    record Build(String key, String targetId, String workloadId) {
    }

    /** What one build JVM did. */
    interface Launcher {
        RunResult build(Build build, Path dir, Path log) throws Exception;
    }

    private DataSetBuilds() {
    }

    /**
     * The builds of a run: each data set some measured pair reads, built by the first target of the run that
     * reads it (pgbench's by a target that speaks the protocol, since pgbench loads it), in the options' order.
     */
    static List<Build> plan(CompareOptions options, int pgPort) {
        List<Build> builds = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String workloadId : options.workloads()) {
            Workload workload = Workload.byId(workloadId);
            for (String targetId : options.targets()) {
                Target target = TargetCatalog.byId(targetId, pgPort);
                String key = DataSets.key(target, workload);
                if (key != null && CompareMain.whyNot(options, target, workload) == null && keys.add(key)) {
                    builds.add(new Build(key, targetId, workloadId));
                }
            }
        }
        return builds;
    }

    /** The builds as groups that run one after another, one group per target, in first-seen order. */
    static List<List<Build>> byTarget(List<Build> builds) {
        Map<String, List<Build>> groups = new LinkedHashMap<>();
        for (Build b : builds) {
            groups.computeIfAbsent(b.targetId(), k -> new ArrayList<>()).add(b);
        }
        return List.copyOf(groups.values());
    }

    /**
     * The groups in descending order of their {@link #expectedSeconds} (ties keep their order): with two threads, the
     * longest first leaves the short ones to fill in beside it, instead of one long build running alone at the end.
     */
    static List<List<Build>> longestFirst(List<List<Build>> groups) {
        return groups.stream().sorted(java.util.Comparator.comparingDouble(
                (List<Build> g) -> g.stream().mapToDouble(DataSetBuilds::expectedSeconds).sum()).reversed()).toList();
    }

    /**
     * A build's expected wall time, only to order the builds: what each took in the 2026-11-25 08:39 full run (1M rows,
     * pgbench scale 5, two at a time on a quiet machine). HeliosDB's pgbench tables are the longest: pgbench's primary
     * keys (11.8 s) and VACUUM (6.8 s) through the server; PostgreSQL's take 3 s. A data set not listed: 10 s.
     */
    static double expectedSeconds(Build build) {
        return switch (build.key()) {
            case "helios-rocksdb/pgbench" -> 27;
            case "h2-file/items" -> 16;
            case "helios-rocksdb/items", "helios-lmdb/items" -> 11;
            case "postgres/items" -> 6;
            case "postgres/pgbench", "sqlite-file/items" -> 3;
            default -> 10;
        };
    }

    /**
     * Builds every data set of {@code builds} with at most {@code parallel} at once, records each in
     * {@code dataSets}, and returns the keys built, in plan order, each marked when it failed (its runs then
     * load their own data). {@code alongside} runs meanwhile on the same threads (a probe that times nothing).
     */
    static List<String> run(List<Build> builds, DataSets dataSets, int parallel, Path logs, Launcher launcher,
                            List<Runnable> alongside) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "data-set-build");
            t.setDaemon(true);
            return t;
        });
        Map<Build, String> outcome = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Build> group : longestFirst(byTarget(builds))) {
                running.add(pool.submit(() -> {
                    for (Build b : group) {
                        outcome.put(b, buildOne(b, dataSets, logs, launcher));
                    }
                    return null;
                }));
            }
            for (Runnable r : alongside) {
                running.add(pool.submit(r));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // A build that could not even launch fails the run, as it did when builds ran one by one.
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return builds.stream().map(outcome::get).toList();
    }

    private static String buildOne(Build b, DataSets dataSets, Path logs, Launcher launcher) throws Exception {
        long t0 = System.nanoTime();
        Target target = TargetCatalog.byId(b.targetId(), 0);
        Path dir;
        synchronized (dataSets) {
            dir = dataSets.prepare(b.key(), target);
        }
        Path log = logs.resolve("0-build-" + b.key().replace('/', '-') + "-" + b.targetId() + ".log");
        RunResult r = launcher.build(b, dir, log);
        synchronized (dataSets) {
            dataSets.record(b.key(), dir, r.ok());
        }
        System.err.printf("data set %-24s built by %-20s %s (%.1f s)%n", b.key(), b.targetId(),
                r.ok() ? "ok" : r.status() + " " + r.note(), (System.nanoTime() - t0) / 1e9);
        return b.key() + (r.ok() ? "" : " (failed: its runs load their own data)");
    }
}
