package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitQuietTest {
    private static final long MS = 1_000_000L;

    /** 5,000 ops a second: the count of a stretch of 0.5 s is 2,500. */
    private static long ops(long millis) {
        return 5 * millis;
    }

    @Test
    void quiet_onlyAfterAQuietStretchOfEnoughOperationsAndTime() {
        AtomicLong compiled = new AtomicLong(100);
        JitQuiet jit = new JitQuiet(compiled::get, 2_000, 0);
        assertThat(jit.quiet(ops(300), 300 * MS)).as("too little time").isFalse();
        assertThat(jit.quiet(ops(500), 500 * MS)).as("a stretch, but none before it to compare its rate with")
                .isFalse();
        compiled.set(150);
        assertThat(jit.quiet(ops(1_000), 1_000 * MS)).as("50 ms compiled in the last 0.5 s").isFalse();
        assertThat(jit.quiet(ops(1_400), 1_400 * MS)).as("that compilation is still in the last 0.5 s").isFalse();
        assertThat(jit.quiet(ops(1_500), 1_500 * MS)).isTrue();
        compiled.set(250);
        assertThat(jit.quiet(ops(1_600), 1_600 * MS)).as("once quiet, the warm-up is over").isTrue();
    }

    @Test
    void quiet_needsTheOperationsAsWellAsTheTime() {
        JitQuiet jit = new JitQuiet(() -> 5, 100_000, 0);
        assertThat(jit.quiet(ops(10_000), 10_000 * MS)).as("50,000 ops in 10 s").isFalse();
        assertThat(jit.quiet(ops(20_000), 20_000 * MS)).as("100,000 ops, nothing before them").isFalse();
        assertThat(jit.quiet(ops(40_000), 40_000 * MS)).as("100,000 ops in the last 20 s, 100,000 before").isTrue();
    }

    /**
     * A JVM hosting a server keeps compiling cold paths a little long after its hot path is compiled: up to 5% of
     * the stretch's time still counts as quiet, more does not.
     */
    @Test
    void quiet_toleratesATrickleOfCompilationButNotMore() {
        AtomicLong compiled = new AtomicLong(1_000);
        JitQuiet busy = new JitQuiet(compiled::get, () -> true, 1_000, 2_000 * MS, 0);
        long[] compiledBySecond = {1_500, 2_000, 2_050, 2_101, 2_150};
        for (int second = 1; second <= 3; second++) {
            compiled.set(compiledBySecond[second - 1]);
            assertThat(busy.quiet(ops(1_000L * second), 1_000L * second * MS)).as("second " + second).isFalse();
        }
        compiled.set(compiledBySecond[3]);
        assertThat(busy.quiet(ops(4_000), 4_000 * MS)).as("2 s..4 s: 101 ms in 2 s, over 5%").isFalse();
        compiled.set(compiledBySecond[4]);
        assertThat(busy.quiet(ops(5_000), 5_000 * MS)).as("3 s..5 s: 100 ms in 2 s").isTrue();
    }

    /** Not every warm-up is the JIT's: a rate still climbing (a cache filling) keeps it warming up. */
    @Test
    void quiet_waitsForTheRateToLevel() {
        JitQuiet jit = new JitQuiet(() -> 7, () -> true, 1_000, 1_000 * MS, 0);
        assertThat(jit.quiet(8_000, 1_000 * MS)).isFalse();
        assertThat(jit.quiet(22_000, 2_000 * MS)).as("14,000 a second after 8,000").isFalse();
        assertThat(jit.quiet(38_500, 3_000 * MS)).as("16,500 after 14,000: 18% faster").isFalse();
        assertThat(jit.quiet(55_500, 4_000 * MS)).as("17,000 after 16,500: level").isTrue();
        JitQuiet slowing = new JitQuiet(() -> 7, () -> true, 1_000, 1_000 * MS, 0);
        slowing.quiet(20_000, 1_000 * MS);
        assertThat(slowing.quiet(30_000, 2_000 * MS)).as("a falling rate is level").isTrue();
    }

    /** Synced commits' rate jitters on a loaded machine: compileOnly ends on the JIT's quiet over one stretch. */
    @Test
    void compileOnly_endsOnOneQuietStretchWhateverTheRate() {
        AtomicLong compiled = new AtomicLong(7);
        JitQuiet level = new JitQuiet(compiled::get, () -> true, 1_000, 1_000 * MS, 0);
        JitQuiet compileOnly = level.compileOnly(0);
        assertThat(compileOnly.quiet(8_000, 1_000 * MS)).as("one quiet stretch, no stretch before it").isTrue();
        assertThat(level.quiet(8_000, 1_000 * MS)).isFalse();
        assertThat(level.quiet(22_000, 2_000 * MS)).as("14,000 a second after 8,000: climbing").isFalse();

        JitQuiet busy = new JitQuiet(compiled::get, () -> true, 1_000, 1_000 * MS, 0).compileOnly(0);
        compiled.set(100);
        assertThat(busy.quiet(8_000, 1_000 * MS)).as("93 ms compiled in 1 s").isFalse();
        assertThat(busy.quiet(16_000, 2_000 * MS)).as("nothing compiled since").isTrue();
        JitQuiet fewOps = new JitQuiet(() -> 7, () -> true, 10_000, 1_000 * MS, 0).compileOnly(0);
        assertThat(fewOps.quiet(8_000, 1_000 * MS)).as("8,000 of the stretch's 10,000 ops").isFalse();
        JitQuiet queued = new JitQuiet(() -> 7, () -> false, 1_000, 1_000 * MS, 0).compileOnly(0);
        assertThat(queued.quiet(8_000, 1_000 * MS)).as("a compilation queued").isFalse();
    }

    /** The stretch is at least the asked time even when the operations came sooner. */
    @Test
    void quiet_stretchIsAtLeastItsLeastTime() {
        JitQuiet jit = new JitQuiet(() -> 5, () -> true, 100, 2_000 * MS, 0);
        assertThat(jit.quiet(ops(2_000), 2_000 * MS)).isFalse();
        assertThat(jit.quiet(ops(3_900), 3_900 * MS)).isFalse();
        assertThat(jit.quiet(ops(4_000), 4_000 * MS)).isTrue();
    }

    /** A long compilation in flight finishes nothing for a while: the queue must be empty too. */
    @Test
    void quiet_waitsForTheCompileQueueToEmpty() {
        java.util.concurrent.atomic.AtomicBoolean empty = new java.util.concurrent.atomic.AtomicBoolean(false);
        JitQuiet jit = new JitQuiet(() -> 1, empty::get, 100, 0);
        assertThat(jit.quiet(ops(500), 500 * MS)).isFalse();
        assertThat(jit.quiet(ops(1_000), 1_000 * MS)).isFalse();
        empty.set(true);
        assertThat(jit.quiet(ops(1_500), 1_500 * MS)).isTrue();
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

    /** idle() asks the JIT's queue at most every 20 ms and answers the last answer in between. */
    @Test
    void idle_asksTheQueueAtMostEvery20Ms() {
        AtomicInteger asked = new AtomicInteger();
        boolean[] empty = {false};
        JitQuiet jit = new JitQuiet(() -> 7, () -> {
            asked.incrementAndGet();
            return empty[0];
        }, 0, JitQuiet.QUIET_NANOS, 0);
        assertThat(jit.idle(0)).isFalse();
        empty[0] = true;
        assertThat(jit.idle(19 * MS)).isFalse();
        assertThat(asked).hasValue(1);
        assertThat(jit.idle(20 * MS)).isTrue();
        assertThat(asked).hasValue(2);
    }

    /**
     * Once its count has run, a warm-up ends after the early least time (0.5 s) while the JIT is idle, and
     * after its own least time while the JIT is busy.
     */
    @Test
    void measurement_theCountEndsTheWarmUpEarlyOnlyWhileTheJitIsIdle() throws Exception {
        Workload.Operation op = () -> { };
        Pacing pacing = new Pacing(5_000, 100, 0, 10, 60_000);
        assertThat(pacing.earlyMillis()).isEqualTo(500);
        Measurement.Outcome idle = Measurement.run(List.of(op), pacing,
                new JitQuiet(() -> 7, () -> true, 0, JitQuiet.QUIET_NANOS, System.nanoTime()));
        assertThat(idle.warmupEnd()).isEqualTo("count");
        assertThat(idle.warmupNanos()).isGreaterThanOrEqualTo(500 * MS).isLessThan(5_000 * MS);
        Pacing shorter = new Pacing(1_200, 100, 0, 10, 60_000);
        Measurement.Outcome busy = Measurement.run(List.of(op), shorter,
                new JitQuiet(() -> 7, () -> false, 0, JitQuiet.QUIET_NANOS, System.nanoTime()));
        assertThat(busy.warmupEnd()).isEqualTo("count");
        assertThat(busy.warmupNanos()).isGreaterThanOrEqualTo(1_200 * MS);
    }

    /** The quick run's least time is already the early one; the full run's 1 s gets the early end. */
    @Test
    void pacing_earlyEndOnlyShortensTheFullRun() {
        assertThat(Pacing.of(Scale.quick(), Workload.POINT_SELECT).earlyMillis())
                .isEqualTo(Pacing.of(Scale.quick(), Workload.POINT_SELECT).warmupMillis());
        assertThat(Pacing.of(Scale.full(), Workload.POINT_SELECT).earlyMillis()).isEqualTo(500);
        assertThat(Pacing.of(Scale.full(), Workload.SCAN_AGGREGATE).describe()).contains(
                "(or 500 ms and 3 ops while the JIT has nothing queued)");
    }

    @Test
    void pacing_zipfWarmsUpUntilSteadyNotByCount_andMeasuresLonger() {
        Pacing zipf = Pacing.of(Scale.full(), Workload.ZIPF_POINT_SELECT);
        assertThat(zipf.warmupOps()).isEqualTo(Pacing.NO_COUNT);
        assertThat(zipf.quietOps()).isEqualTo(20_000);
        assertThat(zipf.measureMillis()).isEqualTo(3_000);
        assertThat(zipf.capMillis()).isEqualTo(60_000);
        assertThat(Pacing.of(Scale.full(), Workload.POINT_SELECT).quietOps()).isEqualTo(20_000);
        assertThat(Pacing.of(Scale.quick(), Workload.ZIPF_POINT_SELECT).quietOps()).isEqualTo(20_000);
        assertThat(Pacing.of(Scale.quick(), Workload.ZIPF_POINT_SELECT).measureMillis()).isEqualTo(500);
        assertThat(Pacing.of(Scale.full(), Workload.TX_1000).quietOps()).isEqualTo(20);
        assertThat(Pacing.of(Scale.full(), Workload.SCAN_AGGREGATE).quietOps()).isZero();
    }
}
