package io.heliosdb.core.monitor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Statement counters and the statement latency distribution since the database opened. Latencies go
 * into an HdrHistogram {@link Recorder} (wait-free for the recording sessions) in microseconds;
 * readers fold the recorder's interval histograms into one running total.
 */
public final class QueryMetrics {
    /** Latency percentiles (seconds) and totals, as of one moment. */
    public record Latency(long count, double sumSeconds, double p50, double p95, double p99, double max) {
    }

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private final LongAdder sumMicros = new LongAdder();
    private final LongAdder rowsRead = new LongAdder();
    private final LongAdder rowsWritten = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private Histogram interval;

    /** A statement ran (successfully or not) for {@code nanos}. */
    public void recordStatement(long nanos) {
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
        recorder.recordValue(micros);
        sumMicros.add(micros);
    }

    public void recordError() {
        errors.increment();
    }

    public void rowsRead(long n) {
        rowsRead.add(n);
    }

    public void rowsWritten(long n) {
        rowsWritten.add(n);
    }

    public long rowsRead() {
        return rowsRead.sum();
    }

    public long rowsWritten() {
        return rowsWritten.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public synchronized Latency latency() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return new Latency(total.getTotalCount(), sumMicros.sum() / 1e6, seconds(total.getValueAtPercentile(50)),
                seconds(total.getValueAtPercentile(95)), seconds(total.getValueAtPercentile(99)),
                seconds(total.getMaxValue()));
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }
}
