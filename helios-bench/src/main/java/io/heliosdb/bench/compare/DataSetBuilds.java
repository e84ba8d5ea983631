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
            for (List<Build> group : byTarget(builds)) {
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
