package io.heliosdb.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side harness: for each round and each system, one fresh JVM ({@link RunOne}, the JVMs of
 * {@link RunPlan}) on fresh files, so the systems interleave A B A B over the rounds. The data sets the
 * reading workloads need are built once per run and copied for each run ({@link DataSets}). Writes
 * {@code <out>/<timestamp>.md} and {@code .csv} (and {@code --report FILE}).
 */
public final class CompareMain {
    /**
     * Every benchmark JVM commits its whole heap at start-up and touches it; see the scale note in the report
     * for why. Committing it all (-Xms = -Xmx) matters as much as touching it: a heap that grows pre-touches
     * each new region inside a GC pause, which on this kind of machine took 1.4 s and cut Memory-only
     * autocommit inserts from ~224,000 to ~24,000 a second. Touching costs ~6.6 s of CPU per GB here
     * (java -version with 512 MB, 1 GB, 2 GB: 3.3, 6.4, 13.5 s user+sys), so the heap fits the scale:
     * 2 GB holds a million rows in memory, 512 MB is plenty for the quick run's 20,000. This is the heap of
     * the systems that keep the data set in the JVM; {@link ChildHeap} gives the others less.
     */
    static List<String> heapFlags(Scale scale) {
        String size = scale.rows() <= 100_000 ? "512m" : "2g";
        return List.of("-Xms" + size, "-Xmx" + size, "-XX:+AlwaysPreTouch");
    }

    /**
     * What Chronicle Map (the chronicle cache layer of the Hybrid targets) needs on the class path, see
     * shared/NOTES-jpms.md; harmless for every other target.
     */
    static final List<String> CHRONICLE_FLAGS = List.of("-Dchronicle.analytics.disable=true",
            "-Dchronicle.announcer.disable=true",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

    private CompareMain() {
    }

    public static void main(String[] args) throws Exception {
        CompareOptions options;
        try {
            options = CompareOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long began = System.nanoTime();
        String loadAtStart = MachineInfo.loadAverage();
        Elapsed.Clock clock = new Elapsed.Clock();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss"));
        Files.createDirectories(options.outDir());
        Path logs = options.outDir().resolve(stamp + "-logs");
        Files.createDirectories(logs);
        List<String> notes = new ArrayList<>();
        // Each run's JVM finds pgbench next to the PostgreSQL the harness starts (see PgbenchBinary).
        System.setProperty(PgbenchBinary.PG_BIN_PROPERTY, options.postgresBin().toString());
        PostgresCluster postgres = null;
        if (options.postgres()) {
            try {
                postgres = PostgresCluster.start(options.postgresBin());
                notes.add("PostgreSQL 15 started by the harness on port " + postgres.port());
            } catch (IOException e) {
                notes.add("PostgreSQL skipped: it could not start (" + e.getMessage() + ")");
                System.err.println("compare: " + notes.get(notes.size() - 1));
            }
        }
        int pgPort = postgres == null ? 0 : postgres.port();
        List<RunResult> runs = new ArrayList<>();
        Path dataRoot = Files.createTempDirectory("helios-bench-datasets");
        DataSets dataSets = new DataSets(dataRoot);
        // Ctrl-C or a kill stops the harness's PostgreSQL and removes its files too (finally blocks do not run then).
        PostgresCluster cluster = postgres;
        Thread cleanup = new Thread(() -> stopAndDelete(cluster, dataRoot), "compare-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        RoundReport report = new RoundReport(options, stamp, began, loadAtStart, clock, notes, pgPort);
        try {
            buildDataSets(options, pgPort, logs, dataSets, clock, notes, report);
            for (int round = 1; round <= options.scale().rounds(); round++) {
                for (RunPlan.Jvm jvm : RunPlan.perSystem(options.targets(), options.workloads(),
                        (t, w) -> whyNot(options, TargetCatalog.byId(t, pgPort), w) == null)) {
                    long t0 = System.nanoTime();
                    long[] jobNanos = new long[jvm.jobs().size()];
                    long[] phaseNanos = new long[Elapsed.PHASES];
                    List<RunResult> results = runJvm(options, jvm, round, pgPort, logs, dataSets, jobNanos, phaseNanos);
                    Elapsed.addPhases(clock, phaseNanos);
                    runs.addAll(results);
                    long inJobs = 0;
                    for (int i = 0; i < jobNanos.length; i++) {
                        clock.addTime(jvm.jobs().get(i).kind().elapsedLabel(options.workloads()), jobNanos[i]);
                        inJobs += jobNanos[i];
                    }
                    clock.add(JVM_OVERHEAD, Math.max(0, System.nanoTime() - t0 - inJobs));
                    for (RunResult r : results) {
                        System.err.printf("round %d %-18s %-20s %s%n", round, r.workload(), r.target(),
                                r.ok() ? MarkdownReport.num(r.opsPerSec()) + " ops/s" : r.status() + " " + r.note());
                    }
                    System.err.printf("round %d JVM of %-20s %.1f s (%.1f s outside its jobs)%n", round, jvm.target(),
                            (System.nanoTime() - t0) / 1e9, (System.nanoTime() - t0 - inJobs) / 1e9);
                }
                // Pairs left out print nothing here; the report lists them with the reason.
                for (String workload : options.workloads()) {
                    for (String targetId : options.targets()) {
                        String why = whyNot(options, TargetCatalog.byId(targetId, pgPort), Workload.byId(workload));
                        if (why != null) {
                            runs.add(RunResult.notApplicable(targetId, workload, round, why));
                        }
                    }
                }
                // Written after every round, so a run stopped early still leaves the rounds it completed.
                String md = report.write(reportOrder(runs, options), round);
                if (round == options.scale().rounds()) {
                    System.out.println(md);
                }
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            stopAndDelete(postgres, dataRoot);
        }
        System.err.println("compare: wrote " + options.outDir().resolve(stamp + ".md") + " and .csv");
    }

    private static void stopAndDelete(PostgresCluster postgres, Path dataRoot) {
        // A benchmark JVM or pgbench still running would otherwise outlive the harness.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("compare: PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            try {
                deleteTree(dataRoot);
            } catch (IOException e) {
                System.err.println("compare: could not delete " + dataRoot + ": " + e.getMessage());
            }
        }
    }

    /**
     * One note per workload kind of the run: the warm-up/measure rule every system followed (the
     * HotSpot JIT compiles a path only after it has run many times, so time alone is not enough).
     */
    static List<String> pacingNotes(CompareOptions options) {
        // Workloads that share a rule share a note, e.g. "oltp (point-select, insert-autocommit): ...".
        java.util.Map<String, List<String>> byRule = new java.util.LinkedHashMap<>();
        for (String id : options.workloads()) {
            Workload w = Workload.byId(id);
            Pacing p = Pacing.of(options.scale(), w);
            String rule = p.describe(w, options.scale()) + ", each phase capped at " + p.capMillis() / 1000 + " s";
            byRule.computeIfAbsent(w.kind().name().toLowerCase(java.util.Locale.ROOT) + "\t" + rule,
                    k -> new ArrayList<>()).add(id);
        }
        List<String> notes = new ArrayList<>();
        byRule.forEach((key, ids) -> {
            String[] kindAndRule = key.split("\t", 2);
            notes.add(kindAndRule[0] + " (" + String.join(", ", ids) + "): " + kindAndRule[1]
                    + "; the same rule for every system");
        });
        if (options.workloads().contains(Workload.ZIPF_POINT_SELECT.id())) {
            notes.add(ZipfMemory.describe(options.scale().rows()));
        }
        return notes;
    }

    /** How the pgbench workloads ran, or why they did not; nothing when the run has none. */
    static List<String> pgbenchNotes(CompareOptions options) {
        if (options.workloads().stream().noneMatch(w -> Workload.byId(w).pgbench() != null)) {
            return List.of();
        }
        java.nio.file.Path pgbench = PgbenchBinary.find();
        if (pgbench == null) {
            return List.of("pgbench workloads skipped: " + PgbenchBinary.missing());
        }
        int n = PgbenchScript.scaleFactor(options.scale());
        return List.of("pgbench workloads: " + pgbench + " on loopback against the PostgreSQL-protocol systems; each "
                + "system's tables are initialised once per run with pgbench -i -I " + PgbenchScript.INIT_STEPS
                + " -s " + n + String.format(java.util.Locale.ROOT, " (%,d accounts; vacuumed after the keys)",
                n * PgbenchScript.ACCOUNTS_PER_SCALE) + " and each system's pgbench JVM of a round "
                + "starts on a fresh copy of them (select-only runs leave them as they are; the tpcb-like run, which "
                + "changes them, is the JVM's last), then runs with -n; ops/s is pgbench's tps "
                + "without initial connection time, the latency column (p50_us in the CSV) holds pgbench's latency average, no p99; a run "
                + "with a failed transaction counts as an error");
    }

    /** Whether the pair runs at all in this run (the matrix and the target agree). */
    static String whyNot(CompareOptions options, Target target, Workload workload) {
        String why = RunMatrix.whyNot(target.id(), workload, options.goalPairsOnly());
        return why != null ? why : target.notApplicable(workload);
    }

    /**
     * Builds, before the first round, each data set some measured pair reads ({@link DataSetBuilds}: two at a
     * time), with the empty-heap probe alongside (it measures bytes, not time).
     */
    private static void buildDataSets(CompareOptions options, int pgPort, Path logs, DataSets dataSets,
                                      Elapsed.Clock clock, List<String> notes, RoundReport report) throws Exception {
        List<DataSetBuilds.Build> builds = DataSetBuilds.plan(options, pgPort);
        List<Runnable> alongside = new ArrayList<>();
        if (options.targets().stream().anyMatch(t -> t.startsWith("helios"))) {
            alongside.add(() -> {
                try {
                    report.emptyHeap(EmptyHeapProbe.inFreshJvms(options.scale().rounds()));
                } catch (IOException e) {
                    System.err.println("compare: empty-heap probe failed: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        long t0 = System.nanoTime();
        List<String> builtKeys = DataSetBuilds.run(builds, dataSets,
                Math.min(2, Runtime.getRuntime().availableProcessors()), logs,
                (b, dir, log) -> launch(options, b.targetId(), List.of(b.workloadId()), 0, pgPort,
                        List.of(dir.toString()), log, List.of(RunOne.MODE_BUILD), options.timeoutSeconds() * 3,
                        new long[1], new long[Elapsed.PHASES]).get(0), alongside);
        if (!builds.isEmpty()) {
            clock.add(DataSetBuilds.ELAPSED_LABEL, System.nanoTime() - t0, builds.size());
        }
        if (!builtKeys.isEmpty()) {
            notes.add("data sets built once for the whole run by the system itself (two builds at a time, each in a "
                    + "JVM of its own) and copied (cp -a; PostgreSQL: "
                    + "CREATE DATABASE ... TEMPLATE) into each run's fresh directory before its fresh JVM starts, "
                    + "so every round starts on fresh files without reloading: " + String.join(", ", builtKeys)
                    + "; in-memory systems load the data set once per round, in the JVM that runs their reads, with "
                    + "their own INSERT ... SELECT over a generated series; start-up ms of a reading workload on a "
                    + "file-based system is the opening of that existing database");
        }
    }

    /** The runs in the report's order: by workload, then system, as the options list them; rounds in order. */
    static List<RunResult> reportOrder(List<RunResult> runs, CompareOptions options) {
        java.util.Comparator<RunResult> order = java.util.Comparator
                .<RunResult>comparingInt(r -> options.workloads().indexOf(r.workload()))
                .thenComparingInt(r -> options.targets().indexOf(r.target()))
                .thenComparingInt(RunResult::round);
        return runs.stream().sorted(order).toList();
    }

    /** The Elapsed row of what a JVM spends outside its jobs. */
    static final String JVM_OVERHEAD = "JVM start, heap touch and exit, file copies (one JVM per system and round)";

    /**
     * Runs one JVM of the plan on fresh files: each job in its own directory, a fresh copy of its data set
     * where it has one. {@code jobNanos} receives each job's time inside the JVM (0 for a job that reported none),
     * {@code phaseNanos} the time its workloads spent warming up and measured ({@link Elapsed#parsePhases}).
     */
    private static List<RunResult> runJvm(CompareOptions options, RunPlan.Jvm jvm, int round, int pgPort, Path logs,
                                          DataSets dataSets, long[] jobNanos, long[] phaseNanos)
            throws IOException, InterruptedException {
        Target target = TargetCatalog.byId(jvm.target(), pgPort);
        Path work = Files.createTempDirectory("helios-bench-run");
        try {
            List<String> dirs = new ArrayList<>();
            List<String> modes = new ArrayList<>();
            List<String> jobs = new ArrayList<>();
            int timeoutSeconds = 0;
            for (int i = 0; i < jvm.jobs().size(); i++) {
                RunPlan.Job job = jvm.jobs().get(i);
                Path db = work.resolve("db-" + i);
                Path copy = job.kind().sharesInstance()
                        ? dataSets.copyOf(DataSets.key(target, job.workloads().get(0))) : null;
                if (copy != null) {
                    DataSets.copy(copy, db);
                }
                dirs.add(db.toString());
                modes.add(copy != null ? RunOne.MODE_COPIED : RunOne.MODE_FRESH);
                jobs.add(String.join(",", job.workloadIds()));
                // pgbench initialises its tables inside the run (COPY, VACUUM, primary keys) unless they were copied.
                timeoutSeconds += options.timeoutSeconds() * job.workloads().size()
                        + (job.kind() == RunPlan.Kind.PGBENCH && copy == null ? options.timeoutSeconds() * 2 : 0);
            }
            Path log = logs.resolve(round + "-" + jvm.target() + ".log");
            return launch(options, jvm.target(), jobs, round, pgPort, dirs, log, modes, timeoutSeconds, jobNanos,
                    phaseNanos);
        } finally {
            deleteTree(work);
        }
    }

    /** Flags to try a JVM setting on every system alike, from {@code HELIOS_BENCH_JVM_FLAGS}. */
    static List<String> extraJvmFlags() {
        String extra = System.getenv("HELIOS_BENCH_JVM_FLAGS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    /**
     * Runs {@link RunOne} in a fresh JVM and returns the result lines it printed, one per workload (an error
     * for each workload it printed none for).
     */
    static List<RunResult> launch(CompareOptions options, String targetId, List<String> jobs, int round,
                                  int pgPort, List<String> dirs, Path log, List<String> modes,
                                  int timeoutSeconds, long[] jobNanos, long[] phaseNanos)
            throws IOException, InterruptedException {
        List<String> workloads = jobs.stream().flatMap(j -> java.util.Arrays.stream(j.split(","))).toList();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(modes.contains(RunOne.MODE_BUILD) ? ChildHeap.forBuild(options.scale())
                : ChildHeap.forRun(options.scale(), targetId));
        command.addAll(extraJvmFlags());
        command.add("-D" + PgbenchBinary.PG_BIN_PROPERTY + "=" + options.postgresBin());
        command.addAll(CHRONICLE_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RunOne.class.getName(), targetId,
                String.join(";", jobs), Integer.toString(round), options.scale().name(),
                Integer.toString(options.scale().rows()), String.join(";", dirs), Integer.toString(pgPort),
                String.join(";", modes)));
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        java.util.Map<String, RunResult> results = new java.util.HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            // The child prints one RESULT line per workload, last; a watchdog kills it at the deadline.
            Thread watchdog = new Thread(() -> {
                try {
                    if (!p.waitFor(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                }
            }, "bench-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RunResult.LINE_PREFIX)) {
                    RunResult r = RunResult.parseLine(line);
                    results.put(r.workload(), r);
                } else if (line.matches(RunOne.ELAPSED_PREFIX + "\\d+ \\d+")) {
                    String[] f = line.substring(RunOne.ELAPSED_PREFIX.length()).split(" ");
                    int job = Integer.parseInt(f[0]);
                    if (job < jobNanos.length) {
                        jobNanos[job] = Long.parseLong(f[1]);
                    }
                } else if (line.startsWith(RunOne.PHASES_PREFIX)) {
                    Elapsed.parsePhases(line, phaseNanos);
                }
            }
            p.waitFor();
            watchdog.interrupt();
        } finally {
            p.destroyForcibly();
        }
        List<RunResult> ordered = new ArrayList<>();
        for (String workload : workloads) {
            RunResult r = results.get(workload);
            ordered.add(r != null ? r : RunResult.error(targetId, workload, round,
                    "no result (timed out after " + timeoutSeconds + " s or crashed; see " + log + ")"));
        }
        return ordered;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
