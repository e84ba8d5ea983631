package io.heliosdb.bench.compare;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run in a fresh JVM: {@code RunOne <target> <workload> <round> <scale> <rows> <dir> <postgresPort> [mode]}.
 * Opens the target on fresh files, sets the workload up, warms up, measures, and prints one
 * {@link RunResult} line on stdout (everything else goes to stderr). The mode is {@code fresh}
 * (empty files: the run loads its own data), {@code copied} (the files are a copy of the workload's
 * data set: no loading) or {@code build} (build that data set in {@code dir} and stop, see {@link DataSets}).
 */
public final class RunOne {
    private RunOne() {
    }

    public static void main(String[] args) {
        String target = args[0];
        String workload = args[1];
        int round = Integer.parseInt(args[2]);
        RunResult result;
        try {
            Scale scale = Scale.named(args[3]).withRows(Integer.parseInt(args[4]));
            // The Hybrid cache holds a tenth of the table read: items, or pgbench_accounts for pgbench.
            int rowsRead = Workload.byId(workload).pgbench() != null
                    ? PgbenchScript.scaleFactor(scale) * PgbenchScript.ACCOUNTS_PER_SCALE : scale.rows();
            System.setProperty(HeliosHybridTarget.ROWS_PROPERTY, Integer.toString(rowsRead));
            Target t = TargetCatalog.byId(target, Integer.parseInt(args[6]));
            String mode = args.length > 7 ? args[7] : MODE_FRESH;
            result = mode.equals(MODE_BUILD) ? build(t, Workload.byId(workload), scale, Path.of(args[5]))
                    : run(t, Workload.byId(workload), round, scale, Path.of(args[5]), mode.equals(MODE_COPIED));
        } catch (Throwable e) {
            e.printStackTrace();
            result = RunResult.error(target, workload, round, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.println(result.toLine());
        System.out.flush();
        // Some drivers leave non-daemon threads behind; the answer is out, so leave.
        System.exit(0);
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
        return run(target, workload, round, scale, directory, false);
    }

    /** @param copied the files in {@code directory} already hold the workload's data set */
    static RunResult run(Target target, Workload workload, int round, Scale scale, Path directory, boolean copied)
            throws Exception {
        String why = target.notApplicable(workload);
        if (why != null) {
            return RunResult.notApplicable(target.id(), workload.id(), round, why);
        }
        Files.createDirectories(directory);
        long opened = System.nanoTime();
        try (Target.Instance instance = target.open(directory)) {
            List<DbClient> clients = new ArrayList<>();
            try {
                DbClient first = instance.connect();
                clients.add(first);
                first.query("SELECT 1");
                double startupMs = (System.nanoTime() - opened) / 1e6;
                if (workload.pgbench() != null) {
                    return PgbenchRun.run(target, workload, round, scale, instance, startupMs, copied);
                }
                if (!copied) {
                    workload.setUp(first, scale);
                }
                for (int i = 1; i < workload.sessions(); i++) {
                    clients.add(instance.connect());
                }
                AtomicLong ids = new AtomicLong(scale.rows() + 1L);
                List<Workload.Operation> ops = new ArrayList<>();
                for (int i = 0; i < clients.size(); i++) {
                    ops.add(workload.operation(clients.get(i), scale, ids, 1000L * round + i));
                }
                Pacing pacing = Pacing.of(scale, workload);
                Measurement.Outcome outcome = Measurement.run(ops, pacing);
                // The run's log shows whether the operation count or the time ended each phase.
                System.err.printf("%s %s: %s; warmed up %d ops in %.1f s, measured %d ops in %.1f s%n", target.id(),
                        workload.id(), pacing.describe(), outcome.warmupOps(), outcome.warmupNanos() / 1e9,
                        outcome.operations(), outcome.nanos() / 1e9);
                double rows = workload.rowsPerOperation();
                return new RunResult(target.id(), workload.id(), round, "ok", outcome.opsPerSec() * rows,
                        outcome.latencies().getValueAtPercentile(50) / 1000.0,
                        outcome.latencies().getValueAtPercentile(99) / 1000.0, startupMs, peakHeapMb(), peakRssMb(),
                        instance.cacheHitRate(), "");
            } finally {
                for (DbClient c : clients) {
                    c.close();
                }
            }
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
