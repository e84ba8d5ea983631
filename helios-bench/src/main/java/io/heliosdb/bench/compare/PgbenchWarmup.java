package io.heliosdb.bench.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench's warm-up: one pgbench run of at most the cap, with a progress line every second ({@code -P 1}),
 * stopped once the JVM that hosts the server has compiled next to nothing (at most 5% of the time) while
 * the last {@link Pacing#quietOps} statements ran and the least warm-up time passed ({@link JitQuiet}, its
 * queue empty too). A count of
 * transactions was a blind rule: HeliosDB Server's select-only rate climbs for ~15 s of load on two
 * cores because the C2 compiler shares them with pgbench and the server's workers, so 50,000
 * transactions (3.4 s) measured it half compiled. One long run rather than repeated short ones, because
 * every new pgbench run opens new connections whose set-up code the JIT then compiles now and again,
 * which kept the JIT from ever looking quiet. PostgreSQL (not a JVM) is quiet once the harness's own
 * code is compiled: the same rule for every system. Each second's line goes to the run's log with the
 * JIT's work in that second, so a log shows whether the rate climbed with the compiler's work.
 * <p>The warm-up's stretches are timed by pgbench's progress seconds, not by when the harness read each line:
 * lines are read a few ms early or late, so two lines 2 s apart were often 1.99 s apart to the harness, a 2 s
 * quiet stretch then reached back a further line and needed a stretch before it that did not exist yet, and the
 * warm-up ran one to three seconds past its quiet ({@code bench/warmup-replay}, which replays on pgbench's
 * seconds, ends 14 of the 45 pgbench warm-ups of the 2026-11-25 06:38 full run sooner, 369.7 -> 343.0 s).
 */
final class PgbenchWarmup {
    /** pgbench 15's progress line: "progress: 3.0 s, 22917.3 tps, lat 0.349 ms stddev 0.123, 0 failed". */
    private static final Pattern PROGRESS = Pattern.compile("^progress: ([0-9.]+) s, ([0-9.]+) tps");

    /**
     * @param transactions transactions pgbench reported during the warm-up (from its progress lines)
     * @param nanos        how long the warm-up ran
     * @param ended        "jit quiet", "cap" (pgbench's -T ran out), or "failed"
     * @param failure      pgbench's error line when a client failed, else {@code null}
     */
    record Outcome(long transactions, long nanos, String ended, String failure) {
    }

    /** The JIT's state as the harness reads it once a second, for the log. */
    interface JitProbe {
        /** The JVM's total compilation time in ms, -1 when not measured. */
        long compiledMillis();

        /** CPU time of the JIT's compiler threads in ms, NaN off Linux. */
        double compilerCpuMillis();
    }

    /**
     * The harness's probe: compilation time only. Reading every thread's /proc entry each second is work the
     * harness's own JIT compiles now and again, which would break the very quiet the warm-up waits for.
     */
    static final JitProbe COMPILATION_TIME = new JitProbe() {
        @Override
        public long compiledMillis() {
            return JitQuiet.compiledMillisNow();
        }

        @Override
        public double compilerCpuMillis() {
            return Double.NaN;
        }
    };

    /** The probe of {@link PgbenchWarmupProbe}: compilation time and the compiler threads' CPU. */
    static final JitProbe THIS_JVM = new JitProbe() {
        private final long pid = ProcessHandle.current().pid();

        @Override
        public long compiledMillis() {
            return JitQuiet.compiledMillisNow();
        }

        @Override
        public double compilerCpuMillis() {
            return ThreadCpu.compilerMillis(pid);
        }
    };

    private PgbenchWarmup() {
    }

    /** Seconds and tps of a progress line, or {@code null} for any other line. */
    static double[] progress(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() ? new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))} : null;
    }

    /**
     * Follows a running warm-up's output until the JIT is quiet (then {@code stop} ends pgbench) or pgbench
     * ends by itself; every line goes to {@code log}.
     *
     * @param statementsPerTransaction statements one transaction runs (the JIT's quiet counts statements)
     * @param endOnQuiet               false: run to the cap (to watch the climb, see {@link PgbenchWarmupProbe})
     */
    static Outcome follow(BufferedReader lines, int statementsPerTransaction, Pacing pacing, JitQuiet jit,
                          JitProbe probe, LongSupplier clock, Runnable stop, boolean endOnQuiet,
                          java.util.function.Consumer<String> log) throws IOException {
        long start = clock.getAsLong();
        long minNanos = pacing.warmupMillis() * 1_000_000L;
        double lastSeconds = 0;
        double transactions = 0;
        long compiledBefore = probe.compiledMillis();
        double cpuBefore = probe.compilerCpuMillis();
        String line;
        while ((line = lines.readLine()) != null) {
            log.accept(line);
            if (line.startsWith("pgbench: error") || line.contains(" aborted ") || line.startsWith("Run was aborted")) {
                stop.run();
                return new Outcome((long) transactions, clock.getAsLong() - start, "failed", line.strip());
            }
            double[] p = progress(line);
            if (p == null) {
                continue;
            }
            transactions += p[1] * Math.max(0, p[0] - lastSeconds);
            lastSeconds = p[0];
            // pgbench's own clock: the harness reads each line a little late or early, and a stretch of 1.99 s
            // between two lines 2 s apart made the quiet wait a further second (see the class comment).
            long now = start + Math.round(p[0] * 1e9);
            long wall = clock.getAsLong();
            long compiled = probe.compiledMillis();
            double cpu = probe.compilerCpuMillis();
            boolean quiet = jit.quiet((long) transactions * statementsPerTransaction, now);
            log.accept(String.format(Locale.ROOT, "warm-up %.1f s: %,.0f tps; JIT +%d ms compiling (%,d ms in all)%s%s",
                    p[0], p[1], compiled - compiledBefore, compiled, Double.isNaN(cpu) ? ""
                            : String.format(Locale.ROOT, ", compiler threads +%.0f ms CPU", cpu - cpuBefore),
                    quiet ? "; quiet" : ""));
            compiledBefore = compiled;
            cpuBefore = cpu;
            if (endOnQuiet && quiet && now - start >= minNanos) {
                stop.run();
                return new Outcome((long) transactions, wall - start, "jit quiet", null);
            }
        }
        return new Outcome((long) transactions, clock.getAsLong() - start, "cap", null);
    }
}
