package io.heliosdb.bench.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fresh JVM of a round ({@link RunPlan.Jvm}):
 * {@code RunOne <target> <jobs> <round> <scale> <rows> <dirs> <postgresPort> [modes]}, where {@code jobs} lists
 * each job's workloads ({@code w1,w2;w3}), and {@code dirs} and {@code modes} give each job its directory and
 * mode, also separated by {@code ;}. Opens the target, sets up, and for each workload in turn warms up,
 * measures, and prints one {@link RunResult} line on stdout (everything else goes to stderr), then one
 * {@link #ELAPSED_PREFIX} line per job. Workloads that read a data set (or pgbench's) share one instance on
 * their job's files; workloads that write get each a fresh instance on fresh files under the job's
 * directory. A mode is {@code fresh} (empty files: the run loads its own data), {@code copied} (the files
 * are a copy of the data set: no loading) or {@code build} (build that data set in the directory and stop,
 * see {@link DataSets}). Start-up is the JVM's first open of the system, for every workload of the JVM.
 */
public final class RunOne {
    /** A job's wall-clock time in this JVM: {@code ELAPSED <job index> <nanos>}. */
    static final String ELAPSED_PREFIX = "ELAPSED ";
    /** A workload's warm-up and measured wall-clock time: {@code PHASES <warm-up nanos> <measured nanos> <workload>}. */
    static final String PHASES_PREFIX = "PHASES ";

    /** Tells the harness how long a workload warmed up and was measured (its report's Elapsed section sums them). */
    static void phases(Workload workload, long warmupNanos, long measuredNanos) {
        System.out.println(phasesLine(workload, warmupNanos, measuredNanos));
        System.out.flush();
    }

    static String phasesLine(Workload workload, long warmupNanos, long measuredNanos) {
        return PHASES_PREFIX + Math.max(0, warmupNanos) + " " + Math.max(0, measuredNanos) + " " + workload.id();
    }

    private RunOne() {
    }

    public static void main(String[] args) {
        String target = args[0];
        List<List<String>> jobs = Arrays.stream(args[1].split(";")).map(j -> Arrays.asList(j.split(","))).toList();
        List<String> workloads = jobs.stream().flatMap(List::stream).toList();
        String[] dirs = args[5].split(";");
        String[] modes = (args.length > 7 ? args[7] : MODE_FRESH).split(";");
        int round = Integer.parseInt(args[2]);
        List<RunResult> results = new ArrayList<>();
        // Each line goes out as its workload ends, so a job that crashes later keeps what it measured.
        java.util.function.Consumer<RunResult> out = r -> {
            results.add(r);
            System.out.println(r.toLine());
            System.out.flush();
        };
        try {
            Scale scale = Scale.named(args[3]).withRows(Integer.parseInt(args[4]));
            Workload firstWorkload = Workload.byId(workloads.get(0));
            Target t = TargetCatalog.byId(target, Integer.parseInt(args[6]));
            if (modes[0].equals(MODE_BUILD)) {
                hybridRows(firstWorkload, scale);
                out.accept(build(t, firstWorkload, scale, Path.of(dirs[0])));
            } else {
                List<List<Workload>> byJob = jobs.stream().map(j -> j.stream().map(Workload::byId).toList()).toList();
                runJobs(t, byJob, round, scale, Arrays.stream(dirs).map(Path::of).toList(),
                        Arrays.stream(modes).map(m -> m.equals(MODE_COPIED)).toList(), out, (i, nanos) -> {
                            System.out.println(ELAPSED_PREFIX + i + " " + nanos);
                            System.out.flush();
                        });
            }
        } catch (Throwable e) {
            e.printStackTrace();
            // The workloads that have no result yet fail with the job.
            for (String w : workloads.subList(Math.min(results.size(), workloads.size()), workloads.size())) {
                out.accept(RunResult.error(target, w, round, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        // Some drivers leave non-daemon threads behind; the answer is out, so leave.
        System.exit(0);
    }

    /**
     * Runs a JVM's jobs in order, each on its own directory; every result carries the JVM's first open as its
     * start-up, and {@code elapsed} gets each job's index and wall-clock nanoseconds.
     */
    static void runJobs(Target target, List<List<Workload>> jobs, int round, Scale scale, List<Path> dirs,
                        List<Boolean> copied, java.util.function.Consumer<RunResult> results,
                        java.util.function.ObjLongConsumer<Integer> elapsed) throws Exception {
        double[] firstStartup = {Double.NaN};
        int[] reported = {0};
        java.util.function.Consumer<RunResult> out = r -> {
            reported[0]++;
            if (Double.isNaN(firstStartup[0])) {
                firstStartup[0] = r.startupMs();
                results.accept(r);
            } else {
                results.accept(r.withStartupMs(firstStartup[0]));
            }
        };
        for (int i = 0; i < jobs.size(); i++) {
            long t0 = System.nanoTime();
            List<Workload> job = jobs.get(i);
            reported[0] = 0;
            try {
                hybridRows(job.get(0), scale);
                run(target, job, round, scale, dirs.get(i), copied.get(i), out);
            } catch (Exception e) {
                // A job that fails (its instance did not open) fails its own workloads; the JVM's next job still runs.
                e.printStackTrace();
                for (Workload w : job.subList(Math.min(reported[0], job.size()), job.size())) {
                    out.accept(RunResult.error(target.id(), w.id(), round, e.getClass().getSimpleName() + ": "
                            + e.getMessage()));
                }
            }
            // The next job starts on a clean heap, whatever this one left (a million rows in memory).
            System.gc();
            elapsed.accept(i, System.nanoTime() - t0);
        }
    }

    /** The Hybrid cache holds a tenth of the table read: items, or pgbench_accounts for pgbench. */
    private static void hybridRows(Workload first, Scale scale) {
        int rowsRead = first.pgbench() != null
                ? PgbenchScript.scaleFactor(scale) * PgbenchScript.ACCOUNTS_PER_SCALE : scale.rows();
        System.setProperty(HeliosHybridTarget.ROWS_PROPERTY, Integer.toString(rowsRead));
    }

    static final String MODE_FRESH = "fresh";
    static final String MODE_COPIED = "copied";
    static final String MODE_BUILD = "build";

    /** Builds the workload's data set on the target's files in {@code directory} and closes the system cleanly. */
    static RunResult build(Target target, Workload workload, Scale scale, Path directory) throws Exception {
        Files.createDirectories(directory);
        long started = System.nanoTime();
        try (Target.Instance instance = target.open(directory); DbClient c = instance.connect()) {
            if (workload.pgbench() != null) {
                String failed = instance.pgEndpoint() == null || PgbenchBinary.find() == null
                        ? "pgbench cannot run against " + target.id() : PgbenchRun.initialise(instance.pgEndpoint(), scale);
                if (failed != null) {
                    return RunResult.error(target.id(), workload.id(), 0, failed);
                }
            } else {
                Workload.loadDataSet(c, scale);
            }
        }
        System.err.printf("%s: built the data set of %s in %.1f s%n", target.id(), workload.id(),
                (System.nanoTime() - started) / 1e9);
        return new RunResult(target.id(), workload.id(), 0, "ok", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                peakHeapMb(), peakRssMb(), Double.NaN, "");
    }

    static RunResult run(Target target, Workload workload, int round, Scale scale, Path directory) throws Exception {
        List<RunResult> results = new ArrayList<>();
        run(target, List.of(workload), round, scale, directory, false, results::add);
        return results.get(0);
    }

    /**
     * Runs the workloads of one job in order, handing one result per workload to {@code results} as it ends
     * (an error for a workload that failed; the next still runs).
     *
     * @param copied the files in {@code directory} already hold the data set the workloads read
     */
    static void run(Target target, List<Workload> workloads, int round, Scale scale, Path directory, boolean copied,
                    java.util.function.Consumer<RunResult> results) throws Exception {
        Files.createDirectories(directory);
        boolean shared = RunPlan.Kind.of(workloads.get(0)).sharesInstance();
        long opened = System.nanoTime();
        if (!shared) {
            // Each writing workload on a fresh instance on fresh files; start-up is that of the JVM's first open.
            double startupMs = Double.NaN;
            double firstAnswerMs = Double.NaN;
            for (Workload w : workloads) {
                String why = target.notApplicable(w);
                if (why != null) {
                    results.accept(RunResult.notApplicable(target.id(), w.id(), round, why));
                    continue;
                }
                long t0 = System.nanoTime();
                Path fresh = Files.createDirectories(directory.resolve(w.id()));
                RunResult result;
                try (Target.Instance instance = target.open(fresh);
                     DbClient first = instance.connect()) {
                    first.query("SELECT 1");
                    if (Double.isNaN(startupMs)) {
                        long answered = System.nanoTime();
                        java.util.OptionalLong accepted = instance.firstAcceptedNanos();
                        startupMs = (accepted.orElse(answered) - t0) / 1e6;
                        firstAnswerMs = accepted.isPresent() ? (answered - t0) / 1e6 : Double.NaN;
                    }
                    w.setUp(first, scale);
                    result = measured(target, instance, first, w, round, scale, startupMs)
                            .withFirstAnswerMs(firstAnswerMs);
                } catch (Exception e) {
                    e.printStackTrace();
                    result = RunResult.error(target.id(), w.id(), round, e.getClass().getSimpleName() + ": "
                            + e.getMessage());
                }
                results.accept(result);
            }
            return;
        }
        List<Workload> rest = workloads;
        if (workloads.get(0) == Workload.ZIPF_POINT_SELECT && target instanceof ZipfMemory.Budgeted budgeted
                && target.notApplicable(Workload.ZIPF_POINT_SELECT) == null) {
            // The zipfian reads run within their memory budget, on an instance of their own on the same files; the
            // data set they load (fresh files) stays for the reads after them.
            long budget = ZipfMemory.budgetBytes(scale.rows());
            System.err.printf("%s zipf-point-select: within a memory budget of %,d bytes (%s)%n", target.id(), budget,
                    ZipfMemory.describe(scale.rows()));
            try (Target.Instance instance = budgeted.openWithin(directory, budget)) {
                runShared(target, instance, List.of(Workload.ZIPF_POINT_SELECT), round, scale, copied, opened, results);
            }
            rest = workloads.subList(1, workloads.size());
            copied = true;
            if (rest.isEmpty()) {
                return;
            }
            opened = System.nanoTime();
        }
        try (Target.Instance instance = target.open(directory)) {
            runShared(target, instance, rest, round, scale, copied, opened, results);
        }
    }

    /** Runs workloads one after another on one instance, loading the data set first unless the files hold it. */
    private static void runShared(Target target, Target.Instance instance, List<Workload> workloads, int round,
                                  Scale scale, boolean copied, long opened,
                                  java.util.function.Consumer<RunResult> results) throws Exception {
        try (DbClient first = instance.connect()) {
            first.query("SELECT 1");
            double startupMs = (System.nanoTime() - opened) / 1e6;
            String setUpFailed = copied ? null : setUpShared(instance, first, workloads.get(0), scale);
            for (Workload w : workloads) {
                String why = target.notApplicable(w);
                if (why != null) {
                    results.accept(RunResult.notApplicable(target.id(), w.id(), round, why));
                } else if (setUpFailed != null) {
                    results.accept(RunResult.error(target.id(), w.id(), round, setUpFailed));
                } else {
                    try {
                        results.accept(measured(target, instance, first, w, round, scale, startupMs));
                    } catch (Exception e) {
                        e.printStackTrace();
                        results.accept(RunResult.error(target.id(), w.id(), round, e.getClass().getSimpleName() + ": "
                                + e.getMessage()));
                    }
                }
            }
        }
    }

    /** Loads the shared data set into a fresh instance: the items tables, or pgbench's; why it failed, or null. */
    private static String setUpShared(Target.Instance instance, DbClient first, Workload workload, Scale scale)
            throws Exception {
        if (workload.pgbench() == null) {
            Workload.loadDataSet(first, scale);
            return null;
        }
        // Without an endpoint or pgbench every pgbench workload is not applicable (PgbenchRun says why).
        return instance.pgEndpoint() == null || PgbenchBinary.find() == null ? null
                : PgbenchRun.initialise(instance.pgEndpoint(), scale);
    }

    /**
     * Warms up and measures one workload on an instance whose tables are set up; {@code first} is its first
     * session (an in-memory SQLite or DuckDB database lives in that one connection). Peak heap and RSS start
     * afresh for each workload. The cache hit rate covers this workload's measured period, after its warm-up
     * (the steady state an operator watches; pgbench, which warms up in runs of its own, counts its warm-up too);
     * the log line also shows the rate with the warm-up's misses, while the empty cache filled.
     */
    private static RunResult measured(Target target, Target.Instance instance, DbClient first, Workload workload,
                                      int round, Scale scale, double startupMs) throws Exception {
        resetPeaks();
        long[] cacheBefore = instance.cacheHitsAndMisses();
        long[][] cacheAtMeasure = {cacheBefore};
        RunResult result;
        if (workload.pgbench() != null) {
            result = PgbenchRun.run(target, workload, round, scale, instance, startupMs, true);
        } else {
            List<DbClient> more = new ArrayList<>();
            try {
                List<DbClient> clients = new ArrayList<>(List.of(first));
                for (int i = 1; i < workload.sessions(); i++) {
                    DbClient c = instance.connect();
                    more.add(c);
                    clients.add(c);
                }
                AtomicLong ids = new AtomicLong(scale.rows() + 1L);
                List<Workload.Operation> ops = new ArrayList<>();
                for (int i = 0; i < clients.size(); i++) {
                    ops.add(workload.operation(clients.get(i), scale, ids, 1000L * round + i));
                }
                Pacing pacing = Pacing.of(scale, workload);
                boolean zipf = workload == Workload.ZIPF_POINT_SELECT;
                double cpuPerOp = Double.NaN;
                long[][] memory = new long[2][];
                long[] cpuAtMeasure = new long[1];
                long[] jitAtMeasure = new long[1];
                Measurement.WarmupEnd atMeasure = () -> {
                    if (cacheBefore != null) {
                        cacheAtMeasure[0] = instance.cacheHitsAndMisses();
                    }
                    if (zipf) {
                        memory[0] = instance.memoryHitsAndMisses();
                        cpuAtMeasure[0] = processCpuNanos();
                        jitAtMeasure[0] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                    }
                };
                String label = target.id() + " " + workload.id() + ": ";
                Measurement.Outcome outcome = zipf
                        ? Measurement.run(ops, pacing, ZipfWarmup.of(instance, scale, pacing)
                                .logTo(line -> System.err.println(label + line))::reached, ZipfWarmup.LABEL, atMeasure,
                                Measurement.QuietWindow.ofThisJvm(ZipfWarmup.WINDOW_RETRIES))
                        : workload == Workload.INSERT_AUTOCOMMIT
                        ? Measurement.run(ops, pacing, JitQuiet.ofThisJvm(pacing.quietOps(), System.nanoTime())
                                .compileOnly(System.nanoTime()), atMeasure)
                        : Measurement.run(ops, pacing, atMeasure);
                if (zipf && memory[0] != null) {
                    memory[1] = instance.memoryHitsAndMisses();
                    System.err.printf("%s %s: hit rate of the memory the reads are served from (%s) %.1f%% over the "
                            + "measured period%n", target.id(), workload.id(), cacheBefore != null ? "row cache"
                            : "block cache, data blocks", 100 * hitRate(memory[0], memory[1]));
                    // CPU per operation tells a round that needed more work from one that got less of the machine
                    long cpu = processCpuNanos() - cpuAtMeasure[0];
                    long jitMs = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitAtMeasure[0];
                    cpuPerOp = cpu / 1e3 / Math.max(1, outcome.operations());
                    System.err.printf("%s %s: process CPU %.1f us per op over the measured period (%.2f of %d cores; "
                            + "the JIT compiled for %d ms of it; measured window %d of at most %d)%n", target.id(),
                            workload.id(), cpuPerOp, cpu / (double) Math.max(1, outcome.nanos()),
                            Runtime.getRuntime().availableProcessors(), jitMs, outcome.windows(),
                            1 + ZipfWarmup.WINDOW_RETRIES);
                }
                // The run's log shows whether the operation count, the JIT's quiet or the cap ended the warm-up.
                phases(workload, outcome.warmupNanos(), outcome.nanos());
                System.err.printf("%s %s: %s; warmed up %d ops in %.1f s (ended by %s), measured %d ops in %.1f s%n",
                        target.id(), workload.id(), pacing.describe(workload, scale), outcome.warmupOps(), outcome.warmupNanos() / 1e9,
                        outcome.warmupEnd(), outcome.operations(), outcome.nanos() / 1e9);
                double rows = workload.rowsPerOperation();
                result = new RunResult(target.id(), workload.id(), round, "ok", outcome.opsPerSec() * rows,
                        outcome.latencies().getValueAtPercentile(50) / 1000.0,
                        outcome.latencies().getValueAtPercentile(99) / 1000.0, startupMs, peakHeapMb(), peakRssMb(),
                        Double.NaN, "").withCpuMicrosPerOp(cpuPerOp);
            } finally {
                for (DbClient c : more) {
                    c.close();
                }
            }
        }
        if (cacheBefore == null || !result.ok()) {
            return result;
        }
        long[] cacheAfter = instance.cacheHitsAndMisses();
        System.err.printf("%s %s: cache hit rate %.1f%% after the warm-up, %.1f%% with it%n", target.id(),
                workload.id(), 100 * hitRate(cacheAtMeasure[0], cacheAfter), 100 * hitRate(cacheBefore, cacheAfter));
        return result.withHitRate(hitRate(cacheAtMeasure[0], cacheAfter));
    }

    /** CPU time of this JVM (client and, for the in-process servers, server threads alike). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Hits over lookups between two readings of (hits, misses); NaN when there were none. */
    static double hitRate(long[] before, long[] after) {
        if (before == null || after == null) {
            return Double.NaN;
        }
        long hits = after[0] - before[0];
        long lookups = hits + after[1] - before[1];
        return lookups <= 0 ? Double.NaN : (double) hits / lookups;
    }

    /**
     * Starts the peak heap and peak RSS afresh, so each workload of a JVM reports its own: the heap pools'
     * peaks, and Linux's VmHWM (writing 5 to clear_refs resets it to the current RSS).
     */
    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux, or not allowed: the peak then covers the JVM's earlier workloads too
        }
    }

    /** The process's peak resident set (Linux VmHWM), NaN where /proc is not available. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: the report shows a dash
        }
        return Double.NaN;
    }

    static double peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }
}
