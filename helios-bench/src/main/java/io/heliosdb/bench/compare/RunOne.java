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
 * One run in a fresh JVM: {@code RunOne <target> <workload> <round> <scale> <rows> <dir> <postgresPort>}.
 * Opens the target on fresh files, sets the workload up, warms up, measures, and prints one
 * {@link RunResult} line on stdout (everything else goes to stderr).
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
            result = run(TargetCatalog.byId(target, Integer.parseInt(args[6])), Workload.byId(workload), round,
                    scale, Path.of(args[5]));
        } catch (Throwable e) {
            e.printStackTrace();
            result = RunResult.error(target, workload, round, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.println(result.toLine());
        System.out.flush();
        // Some drivers leave non-daemon threads behind; the answer is out, so leave.
        System.exit(0);
    }

    static RunResult run(Target target, Workload workload, int round, Scale scale, Path directory) throws Exception {
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
                    return PgbenchRun.run(target, workload, round, scale, instance, startupMs);
                }
                workload.setUp(first, scale);
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
