package io.heliosdb.bench.compare;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.management.ObjectName;

/**
 * Whether a workload's warm-up has reached its steady state: the warm-up's second way to end
 * ({@link Pacing#quietOps}). A fixed operation count makes a slow system (a server behind pgJDBC) warm
 * up until the cap although its path was compiled long before; "the JIT compiled next to nothing during
 * the last N operations and the last {@link #QUIET_NANOS}, and the rate stopped climbing" says directly
 * what the count stands for. A method run once per operation that is not yet compiled would reach C2's
 * threshold (15,000 invocations) within the 20,000 operations OLTP asks, so such a method would have
 * shown as a compilation.
 * <ul>
 *   <li>"Next to nothing" is at most {@link #TOLERATED_PERCENT}% of the stretch's wall time. On a quiet machine
 *       a JVM hosting a server keeps compiling cold paths a little for a long time: 0-36 ms a second in the
 *       2026-11-25 03:15 full run, against 100-1,700 ms a second while its hot path compiled; the harness's
 *       own JVM 0-25 ms a second while it followed PostgreSQL's pgbench. Waiting for a stretch with none at all
 *       ran pgbench's warm-ups 10-20 s where the big compilations had ended after 4-5 s.
 *   <li>The rate must have stopped climbing: the last stretch ran at most {@link #LEVEL_FACTOR} times as fast as
 *       the stretch of the same length before it. Not every warm-up is the JIT's: PostgreSQL's pgbench
 *       select-only rate climbed from 8,306 to 17,073 tps over its first 4 s (its buffers filling) while the
 *       harness's JVM, the only JVM there, was already quiet.
 *   <li>A long C2 compilation still in flight finishes no compilation for a while, so quiet also needs the JIT's
 *       queue empty ({@code jcmd Compiler.queue}, asked in process).
 * </ul>
 * Samples the JVM's total compilation time and the operations at most every {@link #SAMPLE_NANOS}.
 */
final class JitQuiet {
    /** A compilation in flight finishes within this; a quiet stretch must be at least this long. */
    static final long QUIET_NANOS = 500_000_000L;
    /** Compilation time a quiet stretch may hold, in percent of its wall time (5: 50 ms a second). */
    static final long TOLERATED_PERCENT = 5;
    /** How much faster than the stretch before it the last stretch may run and still count as level. */
    static final double LEVEL_FACTOR = 1.10;
    private static final long SAMPLE_NANOS = 20_000_000L;

    private final LongSupplier compiledMillis;
    private final BooleanSupplier queueEmpty;
    private final long quietOps;
    private final long quietNanos;
    /** Whether quiet also needs the rate level with the stretch before ({@link #LEVEL_FACTOR}). */
    private final boolean levelRate;
    /** Samples {ops, nanos, compiled ms}, oldest first, from the start of the stretch before the last on. */
    private final java.util.ArrayList<long[]> samples = new java.util.ArrayList<>();
    private volatile long lastSample;
    private volatile boolean quiet;
    /** When {@link #idle} last asked the queue, and its answer. */
    private volatile long lastIdleAsk;
    private volatile boolean lastIdle;

    /** @param compiledMillis the JIT's total compilation time; {@code quietOps <= 0} never reports quiet */
    JitQuiet(LongSupplier compiledMillis, long quietOps, long now) {
        this(compiledMillis, () -> true, quietOps, now);
    }

    /** @param queueEmpty whether nothing is being compiled or waits to be */
    JitQuiet(LongSupplier compiledMillis, BooleanSupplier queueEmpty, long quietOps, long now) {
        this(compiledMillis, queueEmpty, quietOps, QUIET_NANOS, now);
    }

    /** @param quietNanos the least wall time of a quiet stretch (at least {@link #QUIET_NANOS} makes sense) */
    JitQuiet(LongSupplier compiledMillis, BooleanSupplier queueEmpty, long quietOps, long quietNanos, long now) {
        this(compiledMillis, queueEmpty, quietOps, quietNanos, true, now);
    }

    private JitQuiet(LongSupplier compiledMillis, BooleanSupplier queueEmpty, long quietOps, long quietNanos,
                     boolean levelRate, long now) {
        this.levelRate = levelRate;
        this.compiledMillis = compiledMillis;
        this.queueEmpty = queueEmpty;
        this.quietOps = quietOps;
        this.quietNanos = quietNanos;
        this.lastSample = now;
        this.lastIdleAsk = now - SAMPLE_NANOS;
        samples.add(new long[] {0, now, compiledMillis.getAsLong()});
    }

    /** For this JVM; never quiet where the JVM does not time its compilations. */
    static JitQuiet ofThisJvm(long quietOps, long now) {
        return ofThisJvm(quietOps, QUIET_NANOS, now);
    }

    /** For this JVM, with quiet stretches of at least {@code quietNanos}. */
    static JitQuiet ofThisJvm(long quietOps, long quietNanos, long now) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return new JitQuiet(() -> 0, 0, now);
        }
        // The first question starts the platform MBean server, whose classes compile: ask it before the warm-up
        // (quiet() and idle() ask it during the warm-up).
        compileQueueEmpty();
        return new JitQuiet(jit::getTotalCompilationTime, JitQuiet::compileQueueEmpty, quietOps, quietNanos, now);
    }

    /**
     * The same rule without the level rate: the JIT's quiet alone (a fresh instance from {@code now}). For a rate
     * that jitters by itself, such as synced commits on a loaded machine, where waiting for two level stretches
     * ran durable warm-ups to their 20 s cap.
     */
    JitQuiet compileOnly(long now) {
        return new JitQuiet(compiledMillis, queueEmpty, quietOps, quietNanos, false, now);
    }

    /** Whether this JVM compiles nothing and has nothing queued; true where the JVM cannot say. */
    static boolean compileQueueEmpty() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerQueue",
                    new Object[] {null}, new String[] {String[].class.getName()});
            return queueEmpty(String.valueOf(out));
        } catch (Exception | LinkageError e) {
            return true;
        }
    }

    /** Reads {@code Compiler.queue}'s text: headings ("Current compiles:", "C2 compile queue:") and "Empty" only. */
    static boolean queueEmpty(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.endsWith(":") && !l.equals("Empty") && !l.startsWith("---")) {
                return false;
            }
        }
        return true;
    }

    /** The JVM's total compilation time so far, -1 where it is not measured. */
    static long compiledMillisNow() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit == null || !jit.isCompilationTimeMonitoringSupported() ? -1 : jit.getTotalCompilationTime();
    }

    /**
     * Whether the JIT compiles nothing and has nothing queued, asked at most every {@link #SAMPLE_NANOS} (the last
     * answer in between), so the sessions may ask after every operation. Ends a warm-up whose count has run
     * before its least time ({@link Pacing#earlyMillis}).
     */
    boolean idle(long now) {
        if (now - lastIdleAsk < SAMPLE_NANOS) {
            return lastIdle;
        }
        synchronized (this) {
            if (now - lastIdleAsk >= SAMPLE_NANOS) {
                lastIdle = queueEmpty.getAsBoolean();
                lastIdleAsk = now;
            }
            return lastIdle;
        }
    }

    /**
     * Called by the sessions as they run; {@code opsSoFar} counts all sessions' operations.
     *
     * @return whether, during the last stretch of {@code quietOps} operations and the least time, the JIT
     *         compiled at most {@link #TOLERATED_PERCENT}% of the time, the rate was level with the stretch before,
     *         and nothing is queued for compilation; once true, always true
     */
    boolean quiet(long opsSoFar, long now) {
        if (quietOps <= 0) {
            return false;
        }
        if (quiet) {
            return true;
        }
        if (now - lastSample < SAMPLE_NANOS) {
            return false;
        }
        synchronized (this) {
            lastSample = now;
            long value = compiledMillis.getAsLong();
            samples.add(new long[] {opsSoFar, now, value});
            // The last stretch starts at the newest sample that leaves enough operations and time behind it ...
            int from = samples.size() - 1;
            while (from >= 0 && (opsSoFar - samples.get(from)[0] < quietOps || now - samples.get(from)[1] < quietNanos)) {
                from--;
            }
            if (from < 0) {
                return false;
            }
            long[] start = samples.get(from);
            long span = now - start[1];
            if (!levelRate) {
                samples.subList(0, from).clear();
                quiet = (value - start[2]) * 1_000_000L <= span * TOLERATED_PERCENT / 100 && queueEmpty.getAsBoolean();
                return quiet;
            }
            // ... and the stretch before it at the newest sample at least as long before that.
            int before = from - 1;
            while (before >= 0 && start[1] - samples.get(before)[1] < span) {
                before--;
            }
            if (before < 0) {
                return false;
            }
            long[] earlier = samples.get(before);
            samples.subList(0, before).clear();
            double lastRate = (double) (opsSoFar - start[0]) / span;
            double earlierRate = (double) (start[0] - earlier[0]) / (start[1] - earlier[1]);
            if ((value - start[2]) * 1_000_000L <= span * TOLERATED_PERCENT / 100 && lastRate <= LEVEL_FACTOR * earlierRate
                    && queueEmpty.getAsBoolean()) {
                quiet = true;
            }
            return quiet;
        }
    }
}
