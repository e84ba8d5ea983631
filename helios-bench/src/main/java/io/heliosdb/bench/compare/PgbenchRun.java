package io.heliosdb.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Workload 7 on one running system: {@code pgbench -i -I dtgpv -s N} (tables, data by COPY, primary keys,
 * then VACUUM, see {@link PgbenchScript#INIT_STEPS}), an unmeasured warm-up run, then the measured run, whose tps (without
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
        JitQuiet.compileQueueEmpty(); // starts the platform MBean server before the warm-up, not during it
        PgbenchWarmup.Outcome warm = warmUp(pgbench, endpoint, script, pacing, true);
        if (warm.failure() != null) {
            return RunResult.error(target.id(), workload.id(), round, "warm-up: " + warm.failure());
        }
        System.err.printf("warmed up with %d transactions in %.1f s (ended by %s)%n", warm.transactions(),
                warm.nanos() / 1e9, warm.ended());
        int measure = seconds(pacing.measureMillis());
        long measureStart = System.nanoTime();
        // A measured run in which this JVM's JIT compiled for more than 5% of the time is run again, once: the
        // warm-up may have ended at its cap with the server still compiling (Measurement.QuietWindow). Of the runs,
        // the one in which the JIT compiled the least share of the time counts (on a machine so loaded that the JIT
        // never goes quiet, a second run can be worse than the first).
        Outcome measured = null;
        long windowStart;
        long cpuNanos = 0;
        double leastJitShare = Double.MAX_VALUE;
        int runs = 0;
        boolean quiet;
        do {
            windowStart = System.nanoTime();
            long jitBefore = JitQuiet.compiledMillisNow();
            long cpuBefore = RunOne.processCpuNanos();
            Outcome run = timedRun(pgbench, endpoint, script, measure);
            long jitMs = jitBefore < 0 ? -1 : JitQuiet.compiledMillisNow() - jitBefore;
            long cpu = RunOne.processCpuNanos() - cpuBefore;
            long nanos = System.nanoTime() - windowStart;
            runs++;
            System.err.printf("measured run %d: the JIT compiled for %d ms of its %.1f s%n", runs, jitMs, nanos / 1e9);
            double share = jitMs < 0 ? 0 : jitMs / (nanos / 1e6);
            if (measured == null || run.exitCode() != 0 || share < leastJitShare) {
                measured = run;
                cpuNanos = cpu;
                leastJitShare = share;
            }
            quiet = jitMs < 0 || Measurement.QuietWindow.quiet(jitMs, nanos);
        } while (runs <= WINDOW_RETRIES && measured.exitCode() == 0 && !quiet);
        if (runs > 1) {
            System.err.printf("the measured run kept: the one with the JIT compiling %.0f%% of it%n", 100 * leastJitShare);
        }
        // pgbench's own start (connections) is inside the measured run's wall time, as its -T clock starts after it;
        // a run thrown away counts as warm-up.
        RunOne.phases(workload, warm.nanos() + windowStart - measureStart, System.nanoTime() - windowStart);
        PgbenchOutput out = PgbenchOutput.parse(measured.output());
        String problem = out.problem(measured.exitCode());
        if (problem != null) {
            return RunResult.error(target.id(), workload.id(), round, problem);
        }
        // This JVM's CPU is the server's where the server runs in it (HeliosDB), the harness's idle wait elsewhere.
        double cpuPerTx = target.id().startsWith("helios") && out.processed() > 0
                ? cpuNanos / 1e3 / out.processed() : Double.NaN;
        if (!Double.isNaN(cpuPerTx)) {
            System.err.printf("%s %s: process CPU %.1f us per transaction over the measured run%n", target.id(),
                    workload.id(), cpuPerTx);
        }
        return new RunResult(target.id(), workload.id(), round, "ok", out.tps(), out.latencyAvgMs() * 1000,
                Double.NaN, startupMs, RunOne.peakHeapMb(), RunOne.peakRssMb(), instance.cacheHitRate(), "")
                .withCpuMicrosPerOp(cpuPerTx);
    }

    /** Measured runs thrown away at most because the JIT compiled in them. */
    static final int WINDOW_RETRIES = 1;

    /**
     * One warm-up run of at most the cap with a progress line a second, stopped once this JVM's JIT (the
     * HeliosDB servers run in it) is quiet ({@link PgbenchWarmup}); {@code endOnQuiet} false runs to the cap.
     */
    static PgbenchWarmup.Outcome warmUp(Path pgbench, Target.PgEndpoint endpoint, PgbenchScript script, Pacing pacing,
                                        boolean endOnQuiet) throws IOException, InterruptedException {
        return warmUp(pgbench, endpoint, script, pacing, endOnQuiet, PgbenchWarmup.COMPILATION_TIME);
    }

    /** The warm-up with the JIT read through {@code probe} (for the log). */
    static PgbenchWarmup.Outcome warmUp(Path pgbench, Target.PgEndpoint endpoint, PgbenchScript script, Pacing pacing,
                                        boolean endOnQuiet, PgbenchWarmup.JitProbe probe)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(script.runArgs(seconds(pacing.capMillis())));
        args.addAll(List.of("-P", "1"));
        Process process = start(pgbench, endpoint, args);
        Thread watchdog = watchdog(process, seconds(pacing.capMillis()) + 120L);
        try {
            process.getOutputStream().close();
            JitQuiet jit = JitQuiet.ofThisJvm(pacing.quietOps(), quietNanos(pacing, QUIETED.get()), System.nanoTime());
            java.io.BufferedReader lines = new java.io.BufferedReader(
                    new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            PgbenchWarmup.Outcome out = PgbenchWarmup.follow(lines, script.statementsPerTransaction(), pacing, jit,
                    probe, System::nanoTime, process::destroy, endOnQuiet, System.err::println);
            if (out.ended().equals("jit quiet")) {
                QUIETED.set(true);
            }
            if (!process.waitFor(pacing.capMillis() + 120_000L, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new PgbenchWarmup.Outcome(out.transactions(), out.nanos(), "failed", "pgbench did not end");
            }
            // A run that ended by itself (the cap) must have ended cleanly; one stopped on the JIT's quiet was killed.
            if (out.ended().equals("cap") && process.exitValue() != 0) {
                return new PgbenchWarmup.Outcome(out.transactions(), out.nanos(), "failed",
                        "pgbench exited with " + process.exitValue());
            }
            return out;
        } finally {
            watchdog.interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Whether a pgbench warm-up of this JVM (one per system and round: it hosts the HeliosDB server, or only the
     * harness for PostgreSQL, the same rule for both) has ended on the JIT's quiet.
     */
    private static final java.util.concurrent.atomic.AtomicBoolean QUIETED = new java.util.concurrent.atomic.AtomicBoolean();

    /** The least quiet stretch the JVM's first pgbench warm-up needs; see {@link #quietNanos(Pacing, boolean)}. */
    static long quietNanos(Pacing pacing) {
        return quietNanos(pacing, false);
    }

    /**
     * The least length of the warm-up's quiet stretch. The JVM's first pgbench warm-up: the least warm-up, so two
     * progress lines of a full run (2 s) must show next to no compilation and one quiet second between two C2
     * compilations does not end it. Once a warm-up of this JVM has ended on the JIT's quiet, the server's path is
     * compiled and a later workload's warm-up only has to show its own new code compiled and its rate level: one
     * progress line a stretch (the quick run's rule), as many as 20,000 statements need. On the 2026-11-25 06:38 full
     * run's logs ({@code bench/warmup-replay}) that ends 17 of the 36 later warm-ups sooner, 343 -> 311 s; the
     * (up to) 3 progress seconds after each new end ran at a median 0.96x the measured tps (0.75-1.15x), the last
     * 2 s before the end it replaces at 0.95x (0.85-1.15x).
     */
    static long quietNanos(Pacing pacing, boolean quietedBefore) {
        long least = pacing.warmupMillis() * 1_000_000L;
        return Math.max(JitQuiet.QUIET_NANOS, quietedBefore ? Math.min(least, LATER_STRETCH_NANOS) : least);
    }

    /** The quiet stretch of a JVM's later pgbench warm-ups: one of pgbench's progress lines. */
    static final long LATER_STRETCH_NANOS = 1_000_000_000L;

    /** One timed pgbench run of {@code seconds} (its output also goes to this run's log). */
    static Outcome timedRun(Path pgbench, Target.PgEndpoint endpoint, PgbenchScript script, int seconds)
            throws IOException, InterruptedException {
        return exec(pgbench, endpoint, script.runArgs(seconds), seconds + 120L);
    }

    /** {@code pgbench -i -I dtgpv -s N -q} against a running system: {@code null}, or why it failed. */
    static String initialise(Target.PgEndpoint endpoint, Scale scale) throws IOException, InterruptedException {
        int init = PgbenchScript.scaleFactor(scale);
        Outcome loaded = exec(PgbenchBinary.find(), endpoint, PgbenchScript.initArgs(init), 900);
        return loaded.exitCode() == 0 ? null
                : "pgbench -i -I " + PgbenchScript.INIT_STEPS + " -s " + init + " exited with " + loaded.exitCode() + ": " + lastLine(loaded.output());
    }

    private static int seconds(long millis) {
        return (int) Math.max(1, millis / 1000);
    }

    record Outcome(int exitCode, String output) {
    }

    /** Runs pgbench against the endpoint; its output also goes to this run's log (stderr). */
    private static Outcome exec(Path pgbench, Target.PgEndpoint endpoint, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process process = start(pgbench, endpoint, args);
        try {
            process.getOutputStream().close();
            Thread watchdog = watchdog(process, timeoutSeconds);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            watchdog.interrupt();
            System.err.print(output);
            return new Outcome(exit, output);
        } finally {
            process.destroyForcibly();
        }
    }

    /** A watchdog that ends a hung pgbench; reading to the end of its output returns then. */
    private static Thread watchdog(Process process, long timeoutSeconds) {
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
        return watchdog;
    }

    /** Starts pgbench against the endpoint, its stderr (progress, errors) merged into its stdout. */
    private static Process start(Path pgbench, Target.PgEndpoint endpoint, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(pgbench.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(endpoint.port()), "-U", endpoint.user()));
        command.addAll(args);
        command.add(endpoint.database());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // PGHOST, PGOPTIONS and friends of the caller's shell must not change what is measured.
        builder.environment().keySet().removeIf(k -> k.startsWith("PG"));
        System.err.println("$ " + String.join(" ", command));
        return builder.start();
    }

    private static String lastLine(String output) {
        List<String> lines = output.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
