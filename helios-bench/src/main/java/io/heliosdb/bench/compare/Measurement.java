package io.heliosdb.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs a workload's operation on its sessions: first a warm-up, then a measured period whose
 * per-operation latencies go into one HdrHistogram per session. {@link Pacing} decides when each
 * phase ends; the first session to see the warm-up done starts the measured period for all.
 */
final class Measurement {

    /**
     * @param operations   operations completed in the measured period (all sessions)
     * @param warmupOps    operations run while warming up (all sessions)
     * @param warmupNanos  how long the warm-up took
     * @param warmupEnd    what ended the warm-up: "count", "jit quiet" or "cap"
     * @param windows      measured windows run: more than one when the JIT compiled in a window ({@link QuietWindow})
     * @param windowJitMillis the JIT's compilation time within the window kept, -1 where not watched
     */
    record Outcome(long operations, long nanos, Histogram latencies, long warmupOps, long warmupNanos,
                   String warmupEnd, int windows, long windowJitMillis) {
        Outcome(long operations, long nanos, Histogram latencies, long warmupOps, long warmupNanos, String warmupEnd) {
            this(operations, nanos, latencies, warmupOps, warmupNanos, warmupEnd, 1, -1);
        }

        double opsPerSec() {
            return operations * 1e9 / nanos;
        }
    }

    /**
     * Whether a measured window counts: the JIT compiled for at most {@link JitQuiet#TOLERATED_PERCENT}% of it. A
     * warm-up that ends on the JIT's quiet can still be followed by compilations (the measured loop's own code, a
     * late C2 recompile of the server's path): on the 2026-11-25 hybrid runs C2 ran 1-2 s inside a 3 s zipfian
     * window after a quiet warm-up. A window that fails is thrown away and measured again, at most {@code retries}
     * times; the last one counts whatever its JIT did (the log says so).
     *
     * @param compiledMillis the JIT's total compilation time so far
     */
    record QuietWindow(java.util.function.LongSupplier compiledMillis, int retries) {
        /** No check: the first window counts. */
        static final QuietWindow NONE = new QuietWindow(() -> -1, 0);

        /** This JVM's JIT, with {@code retries} more windows at most. */
        static QuietWindow ofThisJvm(int retries) {
            return new QuietWindow(JitQuiet::compiledMillisNow, retries);
        }

        /** Whether a window of {@code nanos} in which the JIT compiled {@code jitMillis} counts. */
        static boolean quiet(long jitMillis, long nanos) {
            return jitMillis * 1_000_000L * 100 <= nanos * JitQuiet.TOLERATED_PERCENT;
        }
    }

    private Measurement() {
    }

    static Outcome run(List<Workload.Operation> sessions, Pacing pacing) throws Exception {
        return run(sessions, pacing, () -> { });
    }

    /** As {@link #run(List, Pacing)}; {@code atMeasureStart} runs once, after the warm-up, before the measured clock starts. */
    static Outcome run(List<Workload.Operation> sessions, Pacing pacing, WarmupEnd atMeasureStart) throws Exception {
        return run(sessions, pacing, JitQuiet.ofThisJvm(pacing.quietOps(), System.nanoTime()), atMeasureStart);
    }

    static Outcome run(List<Workload.Operation> sessions, Pacing pacing, JitQuiet jit) throws Exception {
        return run(sessions, pacing, jit, () -> { });
    }

    /** The warm-up's second way to end (after its least time): a rule of steady state, asked by the sessions. */
    @FunctionalInterface
    interface Steady {
        boolean reached(long opsSoFar, long now);
    }

    /** Work done between the warm-up and the measured period (e.g. reading a counter); not timed. */
    @FunctionalInterface
    interface WarmupEnd {
        void run() throws Exception;
    }

    /** As {@link #run(List, Pacing, WarmupEnd)} with {@code jit} as the warm-up's second way to end. */
    static Outcome run(List<Workload.Operation> sessions, Pacing pacing, JitQuiet jit, WarmupEnd atMeasureStart)
            throws Exception {
        return run(sessions, pacing, jit::quiet, "jit quiet", jit::idle, atMeasureStart, QuietWindow.NONE);
    }

    /**
     * As {@link #run(List, Pacing, WarmupEnd)}, the warm-up's second way to end being {@code steady} (named so);
     * its count never ends it before the least time ({@link Pacing#earlyMillis} needs an idle JIT).
     */
    static Outcome run(List<Workload.Operation> sessions, Pacing pacing, Steady steady, String steadyLabel,
                       WarmupEnd atMeasureStart) throws Exception {
        return run(sessions, pacing, steady, steadyLabel, now -> false, atMeasureStart, QuietWindow.NONE);
    }

    /** As above, measuring again while a window had the JIT compiling ({@link QuietWindow}). */
    static Outcome run(List<Workload.Operation> sessions, Pacing pacing, Steady steady, String steadyLabel,
                       WarmupEnd atMeasureStart, QuietWindow window) throws Exception {
        return run(sessions, pacing, steady, steadyLabel, now -> false, atMeasureStart, window);
    }

    /** {@code jitIdle}: whether the JIT has nothing queued now, which lets the count end the warm-up early. */
    private static Outcome run(List<Workload.Operation> sessions, Pacing pacing, Steady steady, String steadyLabel,
                               java.util.function.LongPredicate jitIdle, WarmupEnd atMeasureStart,
                               QuietWindow window) throws Exception {
        int n = sessions.size();
        AtomicReference<String> warmupEnd = new AtomicReference<>();
        // The session that ends the warm-up; the others keep warming up until measureStart is set.
        AtomicBoolean ending = new AtomicBoolean();
        List<Histogram> histograms = new ArrayList<>();
        long[] counts = new long[n];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] started = new long[1];
        AtomicLong warmOps = new AtomicLong();
        AtomicLong measuredOps = new AtomicLong();
        // 0 until the warm-up is over; then the nanoTime the measured period started.
        AtomicLong measureStart = new AtomicLong();
        long warmMin = pacing.warmupMillis() * 1_000_000L;
        // The count may end the warm-up sooner while the JIT has nothing queued (Pacing.earlyMillis).
        long earlyMin = pacing.earlyMillis() * 1_000_000L;
        long measureMin = pacing.measureMillis() * 1_000_000L;
        long cap = pacing.capMillis() * 1_000_000L;
        // The window's judge: the first session past a window's end keeps it or starts the next one.
        Windows windows = new Windows(window, measureStart, measuredOps, atMeasureStart);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Histogram h = new Histogram(3_600_000_000_000L, 3);
            histograms.add(h);
            int index = i;
            Workload.Operation op = sessions.get(i);
            Thread t = new Thread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    long begin = started[0];
                    while (measureStart.get() == 0 && failure.get() == null) {
                        op.run();
                        long done = warmOps.incrementAndGet();
                        long now = System.nanoTime();
                        String end = null;
                        if (done >= pacing.warmupOps() && (now - begin >= warmMin
                                || now - begin >= earlyMin && jitIdle.test(now))) {
                            end = "count";
                        } else if (now - begin >= cap) {
                            end = "cap";
                        } else if (steady.reached(done, now) && now - begin >= warmMin) {
                            end = steadyLabel;
                        }
                        if (end != null && ending.compareAndSet(false, true)) {
                            atMeasureStart.run();
                            warmupEnd.set(end);
                            windows.start();
                        }
                    }
                    long from = measureStart.get();
                    long count = 0;
                    while (failure.get() == null) {
                        long start = System.nanoTime();
                        long current = measureStart.get();
                        if (current != from) {
                            // Another session threw the window away: this one's figures start again too.
                            from = current;
                            h.reset();
                            count = 0;
                        }
                        long elapsed = start - from;
                        if ((elapsed >= measureMin && measuredOps.get() >= pacing.measureOps()) || elapsed >= cap) {
                            if (windows.keep(from, elapsed >= cap)) {
                                break;
                            }
                            continue;
                        }
                        op.run();
                        h.recordValue(Math.max(1, System.nanoTime() - start));
                        measuredOps.incrementAndGet();
                        count++;
                    }
                    counts[index] = count;
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-session-" + i);
            threads.add(t);
            t.start();
        }
        ready.await();
        started[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            Throwable e = failure.get();
            throw e instanceof Exception ex ? ex : new RuntimeException(e);
        }
        Histogram all = new Histogram(3_600_000_000_000L, 3);
        long total = 0;
        for (int i = 0; i < n; i++) {
            all.add(histograms.get(i));
            total += counts[i];
        }
        // Operations finishing after the deadline still count; the clock stops at the last one.
        long from = measureStart.get();
        // A window thrown away counts as warm-up: the warm-up is everything before the window kept.
        return new Outcome(total, Math.max(1, System.nanoTime() - from), all, warmOps.get(), from - started[0],
                warmupEnd.get(), windows.count, windows.keptJitMillis);
    }

    /** The measured windows of one run: when each started, and whether the one ending is kept. */
    private static final class Windows {
        private final QuietWindow rule;
        private final AtomicLong measureStart;
        private final AtomicLong measuredOps;
        private final WarmupEnd atStart;
        private long jitAtStart;
        /** The start of the window kept, 0 while none is. */
        private long kept;
        int count;
        long keptJitMillis = -1;

        Windows(QuietWindow rule, AtomicLong measureStart, AtomicLong measuredOps, WarmupEnd atStart) {
            this.rule = rule;
            this.measureStart = measureStart;
            this.measuredOps = measuredOps;
            this.atStart = atStart;
        }

        /** Starts the first window (the caller ran {@code atStart} already, as the warm-up ended). */
        synchronized void start() {
            jitAtStart = rule.compiledMillis().getAsLong();
            count = 1;
            measureStart.set(System.nanoTime());
        }

        /**
         * Called by a session whose window starting at {@code from} has run its time: true to stop (the window is
         * kept), false when a new window has started (this session then starts its figures again).
         */
        synchronized boolean keep(long from, boolean capped) throws Exception {
            if (kept != 0) {
                return kept == from;
            }
            if (measureStart.get() != from) {
                return false;
            }
            long jit = rule.compiledMillis().getAsLong() - jitAtStart;
            long nanos = System.nanoTime() - from;
            if (capped || count > rule.retries() || jitAtStart < 0 || QuietWindow.quiet(jit, nanos)) {
                kept = from;
                keptJitMillis = jitAtStart < 0 ? -1 : jit;
                return true;
            }
            atStart.run();
            jitAtStart = rule.compiledMillis().getAsLong();
            count++;
            measuredOps.set(0);
            measureStart.set(System.nanoTime());
            return false;
        }
    }
}
