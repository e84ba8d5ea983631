package io.heliosdb.core.monitor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The statements one thread ran: written by that thread alone, read by {@link QueryMetrics} from any thread.
 * One writer per recorder is what makes recording cheap: the latency goes into a {@link SingleWriterRecorder}
 * (two uncontended atomic increments on this thread's own phaser, then plain array writes) and the sums are
 * plain fields published with release stores. A shared recorder cost about 8% of a point select (its
 * phaser's and concurrent histogram's atomics, on cache lines every session writes).
 */
final class ThreadStatements {
    private static final VarHandle SUM_MICROS;
    private static final VarHandle ROWS_READ;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SUM_MICROS = lookup.findVarHandle(ThreadStatements.class, "sumMicros", long.class);
            ROWS_READ = lookup.findVarHandle(ThreadStatements.class, "rowsRead", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread owner;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(QueryMetrics.SIGNIFICANT_DIGITS);
    /** Written only by {@link #owner} (release), read by others (acquire). */
    @SuppressWarnings("unused")
    private long sumMicros;
    @SuppressWarnings("unused")
    private long rowsRead;
    /** The last interval histogram taken, handed back to the recorder for reuse (under QueryMetrics' lock). */
    private Histogram interval;

    ThreadStatements(Thread owner) {
        this.owner = owner;
    }

    /** Called by {@link #owner} only. */
    void record(long micros) {
        recorder.recordValue(micros);
        SUM_MICROS.setRelease(this, (long) SUM_MICROS.get(this) + micros);
    }

    /** Called by {@link #owner} only. */
    void rowsRead(long n) {
        ROWS_READ.setRelease(this, (long) ROWS_READ.get(this) + n);
    }

    long sumMicros() {
        return (long) SUM_MICROS.getAcquire(this);
    }

    long rowsRead() {
        return (long) ROWS_READ.getAcquire(this);
    }

    /** Adds the latencies recorded since the last call to {@code total} (the caller holds QueryMetrics' lock). */
    void drainInto(Histogram total) {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
    }
}
