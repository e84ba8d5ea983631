package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 7 on one running system: {@code pgbench -i -s N} (pgbench's default init: tables, data by
 * COPY, VACUUM, primary keys), an unmeasured warm-up run, then the measured run, whose tps (without
 * connection time) and latency average become the result. A run with failed transactions, an
 * aborted client or a non-zero exit is an error, never a number.
 */
final class PgbenchRun {
    private PgbenchRun() {
    }

    /**
     * @param preloaded the run's files are a copy of a data set {@link #initialise} built once for the run,
     *                  so the tables are there, vacuumed, as a fresh {@code pgbench -i} leaves them
     */
    static RunResult run(Target target, Workload workload, int round, Scale scale, Target.Instance instance,
                         double startupMs, boolean preloaded) throws Exception {
        PgbenchScript script = workload.pgbench();
        Target.PgEndpoint endpoint = instance.pgEndpoint();
        Path pgbench = PgbenchBinary.find();
        if (endpoint == null || pgbench == null) {
            return RunResult.notApplicable(target.id(), workload.id(), round,
                    endpoint == null ? PgbenchScript.NEEDS_WIRE : PgbenchBinary.missing());
        }
        Pacing pacing = Pacing.of(scale, workload);
        String failed = preloaded ? null : initialise(endpoint, scale);
        if (failed != null) {
            return RunResult.error(target.id(), workload.id(), round, failed);
        }
        int warm = seconds(pacing.warmupMillis());
        long warmed = 0;
        long warmStart = System.nanoTime();
        String ended = "count";
        JitQuiet.compileQueueEmpty(); // starts the platform MBean server before the runs, not during one
        // At least one run; then until the count, or a whole run without a JIT compilation (the HeliosDB servers
        // run in this JVM; PostgreSQL's is quiet at once), within the cap: the same rule as the other workloads.
        while (warmed < pacing.warmupOps()) {
            if (warmed > 0 && System.nanoTime() - warmStart >= TimeUnit.MILLISECONDS.toNanos(pacing.capMillis())) {
                ended = "cap";
                break;
            }
            long compiledBefore = JitQuiet.compiledMillisNow();
            Outcome warmup = exec(pgbench, endpoint, script.runArgs(warm), warm + 120L);
            PgbenchOutput parsed = PgbenchOutput.parse(warmup.output());
            String warmProblem = parsed.failure(warmup.exitCode());
            if (warmProblem != null) {
                return RunResult.error(target.id(), workload.id(), round, "warm-up: " + warmProblem);
            }
            warmed += Math.max(0, parsed.processed());
            if (pacing.quietOps() > 0 && compiledBefore >= 0 && JitQuiet.compiledMillisNow() == compiledBefore
                    && warmed < pacing.warmupOps() && JitQuiet.compileQueueEmpty()) {
                ended = "jit quiet";
                break;
            }
        }
        System.err.printf("warmed up with %d transactions in %.1f s (ended by %s)%n", warmed,
                (System.nanoTime() - warmStart) / 1e9, ended);
        int measure = seconds(pacing.measureMillis());
        Outcome measured = exec(pgbench, endpoint, script.runArgs(measure), measure + 120L);
        PgbenchOutput out = PgbenchOutput.parse(measured.output());
        String problem = out.problem(measured.exitCode());
        if (problem != null) {
            return RunResult.error(target.id(), workload.id(), round, problem);
        }
        return new RunResult(target.id(), workload.id(), round, "ok", out.tps(), out.latencyAvgMs() * 1000,
                Double.NaN, startupMs, RunOne.peakHeapMb(), RunOne.peakRssMb(), instance.cacheHitRate(), "");
    }

    /** {@code pgbench -i -s N -q} against a running system: {@code null}, or why it failed. */
    static String initialise(Target.PgEndpoint endpoint, Scale scale) throws IOException, InterruptedException {
        int init = PgbenchScript.scaleFactor(scale);
        Outcome loaded = exec(PgbenchBinary.find(), endpoint, List.of("-i", "-s", Integer.toString(init), "-q"), 900);
        return loaded.exitCode() == 0 ? null
                : "pgbench -i -s " + init + " exited with " + loaded.exitCode() + ": " + lastLine(loaded.output());
    }

    private static int seconds(long millis) {
        return (int) Math.max(1, millis / 1000);
    }

    record Outcome(int exitCode, String output) {
    }

    /** Runs pgbench against the endpoint; its output also goes to this run's log (stderr). */
    private static Outcome exec(Path pgbench, Target.PgEndpoint endpoint, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(endpoint.port()), "-U", endpoint.user()));
        command.addAll(args);
        command.add(endpoint.database());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // PGHOST, PGOPTIONS and friends of the caller's shell must not change what is measured.
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        System.err.println("$ " + String.join(" ", command));
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            // A watchdog ends a hung pgbench; reading to the end of its output returns then.
            Thread watchdog = new Thread(() -> {
                try {
                    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }, "pgbench-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            watchdog.interrupt();
            System.err.print(output);
            return new Outcome(exit, output);
        } finally {
            process.destroyForcibly();
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
