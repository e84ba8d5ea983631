package io.heliosdb.core.monitor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Statement counters and the statement latency distribution since the database opened. Each thread
 * records its statements (latency in microseconds, rows read) into its own {@link ThreadStatements};
 * readers fold every thread's interval histogram into one running total. A thread that has ended is
 * folded one last time and forgotten, so threads that come and go (a server's worker pool) do not pile up.
 */
public final class QueryMetrics {
    /** Latency percentiles (seconds) and totals, as of one moment. */
    public record Latency(long count, double sumSeconds, double p50, double p95, double p99, double max) {
    }

    /**
     * HdrHistogram precision: values to 1% (exact below 256 µs). Each recording thread keeps two histograms;
     * at 0.1% one that has seen a 1 s statement is ~90 KB, at 1% ~14 KB.
     */
    static final int SIGNIFICANT_DIGITS = 2;

    private final ThreadLocal<ThreadStatements> mine = ThreadLocal.withInitial(this::register);
    private final LongAdder rowsWritten = new LongAdder();
    private final LongAdder errors = new LongAdder();
    /** Threads that recorded and may still record; guarded by {@code this}. */
    private final List<ThreadStatements> threads = new ArrayList<>();
    /** Everything drained so far, ended threads' sums included; guarded by {@code this}. */
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private long endedSumMicros;
    private long endedRowsRead;

    /** A statement ran (successfully or not) for {@code nanos}. */
    public void recordStatement(long nanos) {
        mine.get().record(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    public void recordError() {
        errors.increment();
    }

    public void rowsRead(long n) {
        mine.get().rowsRead(n);
    }

    public void rowsWritten(long n) {
        rowsWritten.add(n);
    }

    public synchronized long rowsRead() {
        long sum = endedRowsRead;
        for (ThreadStatements t : threads) {
            sum += t.rowsRead();
        }
        return sum;
    }

    public long rowsWritten() {
        return rowsWritten.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public synchronized Latency latency() {
        forgetEndedThreads();
        long sumMicros = endedSumMicros;
        for (ThreadStatements t : threads) {
            t.drainInto(total);
            sumMicros += t.sumMicros();
        }
        return new Latency(total.getTotalCount(), sumMicros / 1e6, seconds(total.getValueAtPercentile(50)),
                seconds(total.getValueAtPercentile(95)), seconds(total.getValueAtPercentile(99)),
                seconds(total.getMaxValue()));
    }

    /** How many threads' recorders are kept (ended threads are dropped at the next read or registration). */
    synchronized int trackedThreads() {
        return threads.size();
    }

    private synchronized ThreadStatements register() {
        forgetEndedThreads();
        ThreadStatements t = new ThreadStatements(Thread.currentThread());
        threads.add(t);
        return t;
    }

    /** Folds each ended thread's last records into the totals and drops it. */
    private void forgetEndedThreads() {
        for (Iterator<ThreadStatements> it = threads.iterator(); it.hasNext(); ) {
            ThreadStatements t = it.next();
            // Seeing a thread ended makes all its writes visible (JLS 17.4.4), so this fold is its last.
            if (!t.owner.isAlive()) {
                t.drainInto(total);
                endedSumMicros += t.sumMicros();
                endedRowsRead += t.rowsRead();
                it.remove();
            }
        }
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }
}
