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
}
