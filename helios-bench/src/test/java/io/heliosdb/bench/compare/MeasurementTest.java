package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    @Test
    void warmupEnd_runsOnceBetweenTheWarmupAndTheMeasuredOperations() throws Exception {
        AtomicLong runs = new AtomicLong();
        AtomicLong runsAtEnd = new AtomicLong(-1);
        AtomicInteger calls = new AtomicInteger();
        Workload.Operation op = runs::incrementAndGet;
        Measurement.Outcome o = Measurement.run(List.of(op), new Pacing(0, 2_000, 0, 1_000, 10_000), () -> {
            calls.incrementAndGet();
            runsAtEnd.set(runs.get());
        });
        assertThat(calls.get()).isEqualTo(1);
        // One session: every operation before the hook is warm-up, every one after it is measured.
        assertThat(runsAtEnd.get()).isEqualTo(o.warmupOps());
        assertThat(runs.get() - runsAtEnd.get()).isEqualTo(o.operations());
        assertThat(o.operations()).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void warmupEnd_runsOnceWithManySessions() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicLong runs = new AtomicLong();
        Workload.Operation op = runs::incrementAndGet;
        Measurement.Outcome o = Measurement.run(List.of(op, op, op), new Pacing(0, 3_000, 0, 3_000, 10_000),
                calls::incrementAndGet);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(runs.get()).isEqualTo(o.warmupOps() + o.operations());
    }

    @Test
    void warmupEnd_failureFailsTheRun() {
        Workload.Operation op = () -> { };
        assertThatThrownBy(() -> Measurement.run(List.of(op, op), new Pacing(0, 100, 0, 100, 10_000), () -> {
            throw new IllegalStateException("counter unreadable");
        })).hasMessageContaining("counter unreadable");
    }

    /** A JIT whose total compilation time jumps by {@code jump} ms at each of its first {@code jumps} readings after the first. */
    private static java.util.function.LongSupplier jit(int jumps, long jump) {
        AtomicInteger readings = new AtomicInteger();
        return () -> Math.min(readings.getAndIncrement(), jumps) * jump;
    }

    @Test
    void quietWindow_aWindowInWhichTheJitCompiledIsMeasuredAgain() throws Exception {
        AtomicLong runs = new AtomicLong();
        AtomicInteger starts = new AtomicInteger();
        Workload.Operation op = runs::incrementAndGet;
        // The JIT compiles 1 s during the first window (its reading at the window's end), then nothing.
        Measurement.Outcome o = Measurement.run(List.of(op, op, op), new Pacing(0, 100, 20, 100, 10_000),
                (ops, now) -> false, "steady", starts::incrementAndGet, new Measurement.QuietWindow(jit(1, 1_000), 2));
        assertThat(o.windows()).isEqualTo(2);
        assertThat(o.windowJitMillis()).isZero();
        assertThat(starts.get()).as("the counters are read again at the new window's start").isEqualTo(2);
        assertThat(o.operations()).isGreaterThanOrEqualTo(100);
        // The window thrown away is in neither figure.
        assertThat(runs.get()).isGreaterThan(o.warmupOps() + o.operations());
    }

    @Test
    void quietWindow_theLastAllowedWindowCountsWhateverTheJitDid() throws Exception {
        Workload.Operation op = () -> { };
        Measurement.Outcome o = Measurement.run(List.of(op), new Pacing(0, 100, 10, 100, 10_000),
                (ops, now) -> false, "steady", () -> { }, new Measurement.QuietWindow(jit(100, 1_000), 2));
        assertThat(o.windows()).isEqualTo(3);
        assertThat(o.windowJitMillis()).isEqualTo(1_000);
        Measurement.Outcome unchecked = Measurement.run(List.of(op), new Pacing(0, 100, 10, 100, 10_000),
                (ops, now) -> false, "steady", () -> { });
        assertThat(unchecked.windows()).isEqualTo(1);
        assertThat(unchecked.windowJitMillis()).isEqualTo(-1);
    }

    @Test
    void quietWindow_toleratesFivePercent() {
        assertThat(Measurement.QuietWindow.quiet(150, 3_000_000_000L)).isTrue();
        assertThat(Measurement.QuietWindow.quiet(151, 3_000_000_000L)).isFalse();
    }
}
