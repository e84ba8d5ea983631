package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitQuietTest {
    private static final long MS = 1_000_000L;

    @Test
    void quiet_onlyAfterEnoughOperationsAndTimeWithoutACompilation() {
        AtomicLong compiled = new AtomicLong(100);
        JitQuiet jit = new JitQuiet(compiled::get, 1_000, 0);
        assertThat(jit.quiet(2_000, 100 * MS)).as("enough ops, too little time").isFalse();
        compiled.set(105);
        assertThat(jit.quiet(2_500, 600 * MS)).as("a compilation restarts the count").isFalse();
        assertThat(jit.quiet(3_000, 1_200 * MS)).as("time, but only 500 ops since").isFalse();
        assertThat(jit.quiet(3_400, 1_250 * MS)).isFalse();
        assertThat(jit.quiet(3_500, 1_300 * MS)).isTrue();
        compiled.set(200);
        assertThat(jit.quiet(3_600, 1_400 * MS)).as("once quiet, the warm-up is over").isTrue();
    }

    /** A long compilation in flight finishes nothing for a while: the queue must be empty too. */
    @Test
    void quiet_waitsForTheCompileQueueToEmpty() {
        java.util.concurrent.atomic.AtomicBoolean empty = new java.util.concurrent.atomic.AtomicBoolean(false);
        JitQuiet jit = new JitQuiet(() -> 1, empty::get, 100, 0);
        assertThat(jit.quiet(1_000, 900 * MS)).isFalse();
        empty.set(true);
        assertThat(jit.quiet(1_100, 950 * MS)).isTrue();
    }

    @Test
    void queueEmpty_readsCompilerQueueText() {
        assertThat(JitQuiet.queueEmpty("Current compiles:\n\nC1 compile queue:\nEmpty\n\nC2 compile queue:\nEmpty\n"))
                .isTrue();
        assertThat(JitQuiet.queueEmpty("Current compiles:\nC2 CompilerThread0  1234   4   a.B::c (55 bytes)\n"
                + "C1 compile queue:\nEmpty\n")).isFalse();
    }

    @Test
    void quiet_neverWithoutAnOperationCount() {
        JitQuiet jit = new JitQuiet(() -> 7, 0, 0);
        assertThat(jit.quiet(1_000_000, 60_000 * MS)).isFalse();
    }

    /** The warm-up ends on the JIT's quiet where the count would take far longer, and says so. */
    @Test
    void measurement_warmUpEndsWhenTheJitIsQuiet() throws Exception {
        AtomicLong runs = new AtomicLong();
        Workload.Operation op = runs::incrementAndGet;
        Pacing pacing = new Pacing(0, Long.MAX_VALUE, 0, 100, 60_000, 5_000);
        Measurement.Outcome o = Measurement.run(List.of(op), pacing, new JitQuiet(() -> 42, 5_000, System.nanoTime()));
        assertThat(o.warmupEnd()).isEqualTo("jit quiet");
        assertThat(o.warmupOps()).isGreaterThanOrEqualTo(5_000);
        assertThat(o.warmupNanos()).isLessThan(60_000 * MS);
        Measurement.Outcome counted = Measurement.run(List.of(op), new Pacing(0, 1_000, 0, 10, 60_000, 5_000),
                new JitQuiet(() -> 42, 5_000, System.nanoTime()));
        assertThat(counted.warmupEnd()).isEqualTo("count");
    }

    @Test
    void pacing_zipfWarmsUpByCountAtFullScaleSoTheCachesFill() {
        assertThat(Pacing.of(Scale.full(), Workload.ZIPF_POINT_SELECT).quietOps()).isZero();
        assertThat(Pacing.of(Scale.full(), Workload.POINT_SELECT).quietOps()).isEqualTo(20_000);
        assertThat(Pacing.of(Scale.quick(), Workload.ZIPF_POINT_SELECT).quietOps()).isEqualTo(20_000);
        assertThat(Pacing.of(Scale.full(), Workload.TX_1000).quietOps()).isEqualTo(20);
        assertThat(Pacing.of(Scale.full(), Workload.SCAN_AGGREGATE).quietOps()).isZero();
    }
}
