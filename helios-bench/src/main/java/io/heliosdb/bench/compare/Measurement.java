package io.heliosdb.bench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Runs a workload's operation on its sessions: first a warm-up, then a measured period whose
 * per-operation latencies go into one HdrHistogram per session.
 */
final class Measurement {

    /** @param operations operations completed in the measured period (all sessions) */
    record Outcome(long operations, long nanos, Histogram latencies) {
        double opsPerSec() {
            return operations * 1e9 / nanos;
        }
    }

    private Measurement() {
    }

    static Outcome run(List<Workload.Operation> sessions, long warmupMillis, long measureMillis) throws Exception {
        int n = sessions.size();
        List<Histogram> histograms = new ArrayList<>();
        long[] counts = new long[n];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
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
                    long warmEnd = window[0];
                    while (System.nanoTime() < warmEnd && failure.get() == null) {
                        op.run();
                    }
                    long end = window[1];
                    long count = 0;
                    while (failure.get() == null) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        op.run();
                        h.recordValue(Math.max(1, System.nanoTime() - start));
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
        long now = System.nanoTime();
        window[0] = now + warmupMillis * 1_000_000L;
        window[1] = window[0] + measureMillis * 1_000_000L;
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
        return new Outcome(total, Math.max(1, System.nanoTime() - window[0]), all);
    }
}
