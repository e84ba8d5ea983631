package io.heliosdb.bench.compare;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javax.management.ObjectName;

/**
 * Whether the JIT has stopped compiling while a workload runs: the warm-up's second way to end
 * ({@link Pacing#quietOps}). A fixed operation count makes a slow system (a server behind pgJDBC) warm
 * up until the cap although its path was compiled long before; "no compilation finished during the last
 * N operations and the last {@link #QUIET_NANOS}" says directly what the count stands for. A method run
 * once per operation that is not yet compiled would reach C2's threshold (15,000 invocations) within
 * the 20,000 operations OLTP asks, so such a method would have shown as a compilation. A long C2
 * compilation still in flight finishes no compilation for a while, so quiet also needs the JIT's
 * queue empty ({@code jcmd Compiler.queue}, asked in process). Samples the JVM's total compilation
 * time at most every {@link #SAMPLE_NANOS}; a system that is not a JVM (SQLite, PostgreSQL) is
 * quiet at once, the harness's own client side aside.
 */
final class JitQuiet {
    /** A compilation in flight finishes within this; a quiet stretch must be at least this long. */
    static final long QUIET_NANOS = 500_000_000L;
    private static final long SAMPLE_NANOS = 20_000_000L;

    private final LongSupplier compiledMillis;
    private final BooleanSupplier queueEmpty;
    private final long quietOps;
    private long lastValue;
    private long opsAtChange;
    private long nanosAtChange;
    private volatile long lastSample;
    private volatile boolean quiet;

    /** @param compiledMillis the JIT's total compilation time; {@code quietOps <= 0} never reports quiet */
    JitQuiet(LongSupplier compiledMillis, long quietOps, long now) {
        this(compiledMillis, () -> true, quietOps, now);
    }

    /** @param queueEmpty whether nothing is being compiled or waits to be */
    JitQuiet(LongSupplier compiledMillis, BooleanSupplier queueEmpty, long quietOps, long now) {
        this.compiledMillis = compiledMillis;
        this.queueEmpty = queueEmpty;
        this.quietOps = quietOps;
        this.lastValue = compiledMillis.getAsLong();
        this.nanosAtChange = now;
        this.lastSample = now;
    }

    /** For this JVM; never quiet where the JVM does not time its compilations. */
    static JitQuiet ofThisJvm(long quietOps, long now) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return new JitQuiet(() -> 0, 0, now);
        }
        if (quietOps > 0) {
            // The first question starts the platform MBean server, whose classes compile: ask it before the warm-up.
            compileQueueEmpty();
        }
        return new JitQuiet(jit::getTotalCompilationTime, JitQuiet::compileQueueEmpty, quietOps, now);
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
     * Called by the sessions as they run; {@code opsSoFar} counts all sessions' operations.
     *
     * @return whether nothing was compiled during the last {@code quietOps} operations and {@link #QUIET_NANOS}
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
            if (value != lastValue) {
                lastValue = value;
                opsAtChange = opsSoFar;
                nanosAtChange = now;
                return false;
            }
            if (opsSoFar - opsAtChange >= quietOps && now - nanosAtChange >= QUIET_NANOS && queueEmpty.getAsBoolean()) {
                quiet = true;
            }
            return quiet;
        }
    }
}
