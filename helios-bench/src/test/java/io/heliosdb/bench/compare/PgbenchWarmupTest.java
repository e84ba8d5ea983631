package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PgbenchWarmupTest {
    private static final long SECOND = 1_000_000_000L;

    /** pgbench 15's progress lines, one a second, at the given rates. */
    private static String progress(double... tps) {
        StringBuilder out = new StringBuilder("pgbench (15.18 (Debian 15.18-0+deb12u1), server 16.0)\nstarting vacuum...\n");
        for (int i = 0; i < tps.length; i++) {
            out.append(String.format(java.util.Locale.ROOT, "progress: %d.0 s, %.1f tps, lat 0.349 ms stddev 0.123, 0 failed%n",
                    i + 1, tps[i]));
        }
        return out.toString();
    }

    /**
     * Runs {@link PgbenchWarmup#follow} over the lines with a clock that moves one second per progress line
     * and a JIT whose total compilation time in second {@code i} is {@code compiled[i]} (the last value after).
     */
    private static PgbenchWarmup.Outcome follow(String lines, int statements, Pacing pacing, boolean endOnQuiet,
                                                long[] compiled, AtomicBoolean stopped) throws Exception {
        AtomicLong now = new AtomicLong(-SECOND);
        java.util.function.LongSupplier jitMillis = () -> compiled[(int) Math.max(0, Math.min(compiled.length - 1, now.get() / SECOND))];
        JitQuiet jit = new JitQuiet(jitMillis, () -> true, pacing.quietOps(), 0);
        PgbenchWarmup.JitProbe probe = new PgbenchWarmup.JitProbe() {
            @Override
            public long compiledMillis() {
                return jitMillis.getAsLong();
            }

            @Override
            public double compilerCpuMillis() {
                return 0;
            }
        };
        List<String> log = new ArrayList<>();
        return PgbenchWarmup.follow(new BufferedReader(new StringReader(lines)), statements, pacing, jit, probe,
                () -> now.addAndGet(SECOND), () -> stopped.set(true), endOnQuiet, log::add);
    }

    @Test
    void progress_readsSecondsAndTps() {
        assertThat(PgbenchWarmup.progress("progress: 3.0 s, 22917.3 tps, lat 0.349 ms stddev 0.123, 0 failed"))
                .containsExactly(3.0, 22917.3);
        assertThat(PgbenchWarmup.progress("tps = 20409.785143 (without initial connection time)")).isNull();
    }

    /** The rate climbs while the JIT compiles; the warm-up ends once 20,000 statements ran without a compilation. */
    @Test
    void follow_endsWhenTheJitHasBeenQuietForItsStatements() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Pacing pacing = new Pacing(1_000, 0, 2_000, 0, 20_000, 20_000);
        // Compiling through second 4, quiet from second 5 on; 10,000 tps, so quiet 2 s later.
        PgbenchWarmup.Outcome o = follow(progress(5_000, 8_000, 9_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000),
                1, pacing, true, new long[] {0, 1_000, 2_000, 3_000, 4_000, 4_000}, stopped);
        assertThat(o.ended()).isEqualTo("jit quiet");
        assertThat(o.failure()).isNull();
        assertThat(stopped).isTrue();
        assertThat(o.nanos()).isEqualTo(6 * SECOND);
        assertThat(o.transactions()).isEqualTo(52_000);
    }

    /** A compilation late in the run restarts the quiet stretch: no count ends the warm-up early. */
    @Test
    void follow_aLateCompilationKeepsItWarmingUp() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Pacing pacing = new Pacing(1_000, 0, 2_000, 0, 20_000, 20_000);
        PgbenchWarmup.Outcome o = follow(progress(10_000, 10_000, 10_000, 10_000, 10_000, 10_000),
                1, pacing, true, new long[] {0, 500, 500, 900, 900, 900, 900}, stopped);
        assertThat(o.ended()).isEqualTo("jit quiet");
        assertThat(o.nanos()).isEqualTo(5 * SECOND);
    }

    /** tpcb-like sends 7 statements a transaction: its quiet needs 7 times fewer transactions than select-only's. */
    @Test
    void follow_countsStatementsNotTransactions() throws Exception {
        Pacing pacing = new Pacing(1_000, 0, 2_000, 0, 20_000, 20_000);
        long[] compiledOnce = {0, 100, 100};
        double[] slow = {1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000};
        PgbenchWarmup.Outcome tpcb = follow(progress(slow), 7, pacing, true, compiledOnce, new AtomicBoolean());
        assertThat(tpcb.ended()).isEqualTo("jit quiet");
        // 20,000 statements take 3 s; the rate of 0..3 s is the earlier stretch of 3..6 s.
        assertThat(tpcb.nanos()).isEqualTo(6 * SECOND);
        PgbenchWarmup.Outcome select = follow(progress(slow), 1, pacing, true, compiledOnce, new AtomicBoolean());
        assertThat(select.ended()).isEqualTo("cap");
    }

    /**
     * PostgreSQL has no JIT, and the harness's JVM is quiet at once, but its rate climbs while its buffers fill
     * (the 2026-11-25 03:15 full run's select-only run, tps per second): the warm-up ends once it has levelled.
     */
    @Test
    void follow_aClimbingRateKeepsItWarmingUpWithTheJitQuiet() throws Exception {
        Pacing pacing = new Pacing(1_000, 0, 2_000, 0, 20_000, 20_000);
        PgbenchWarmup.Outcome o = follow(progress(8_306, 13_921, 16_615, 17_073, 16_724, 16_747, 14_310), 1, pacing,
                true, new long[] {7}, new AtomicBoolean());
        assertThat(o.ended()).isEqualTo("jit quiet");
        assertThat(o.nanos()).isEqualTo(6 * SECOND);
    }

    /**
     * The stretches are timed by pgbench's progress seconds: the harness reads line 2 at 2.02 s and line 4 at
     * 3.99 s, a stretch of 1.97 s to its own clock, which used to need a third line (and a stretch before it) to
     * make the 2 s of a full run's quiet; the warm-up now ends at line 4, reporting the harness's wall time.
     */
    @Test
    void follow_timesItsStretchesByPgbenchsSeconds() throws Exception {
        Pacing pacing = Pacing.of(Scale.full(), Workload.PGBENCH_SELECT_PREPARED_8);
        long[] reads = {0, 1_000, 2_020, 3_000, 3_990, 5_000, 6_020, 7_000, 8_000};
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.LongSupplier harnessClock = () -> reads[next.getAndIncrement()] * 1_000_000L;
        JitQuiet jit = new JitQuiet(() -> 7, () -> true, pacing.quietOps(), PgbenchRun.quietNanos(pacing), 0);
        PgbenchWarmup.JitProbe probe = new PgbenchWarmup.JitProbe() {
            @Override
            public long compiledMillis() {
                return 7;
            }

            @Override
            public double compilerCpuMillis() {
                return Double.NaN;
            }
        };
        AtomicBoolean stopped = new AtomicBoolean();
        PgbenchWarmup.Outcome o = PgbenchWarmup.follow(new BufferedReader(new StringReader(
                progress(10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000))), 1, pacing, jit, probe,
                harnessClock, () -> stopped.set(true), true, line -> { });
        assertThat(PgbenchRun.quietNanos(pacing)).isEqualTo(2 * SECOND);
        assertThat(o.ended()).isEqualTo("jit quiet");
        assertThat(stopped).isTrue();
        assertThat(o.transactions()).isEqualTo(40_000);
        assertThat(o.nanos()).isEqualTo(3_990_000_000L);
    }

    @Test
    void follow_keepsTheLeastWarmUpTime() throws Exception {
        Pacing pacing = new Pacing(4_000, 0, 2_000, 0, 20_000, 20_000);
        PgbenchWarmup.Outcome o = follow(progress(50_000, 50_000, 50_000, 50_000, 50_000), 1, pacing, true,
                new long[] {7}, new AtomicBoolean());
        assertThat(o.ended()).isEqualTo("jit quiet");
        assertThat(o.nanos()).isEqualTo(4 * SECOND);
    }

    @Test
    void follow_runsToTheCapWhenAskedOrWhenNeverQuiet() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        Pacing pacing = new Pacing(1_000, 0, 2_000, 0, 20_000, 20_000);
        PgbenchWarmup.Outcome o = follow(progress(30_000, 30_000, 30_000), 1, pacing, false, new long[] {1}, stopped);
        assertThat(o.ended()).isEqualTo("cap");
        assertThat(stopped).isFalse();
        assertThat(o.transactions()).isEqualTo(90_000);
        PgbenchWarmup.Outcome busy = follow(progress(30_000, 30_000, 30_000), 1, pacing, true,
                new long[] {100, 200, 300, 400}, new AtomicBoolean());
        assertThat(busy.ended()).isEqualTo("cap");
    }

    @Test
    void follow_aFailedClientStopsTheRunAndSaysWhy() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        String lines = progress(1_000) + "pgbench: error: client 3 script 0 aborted in command 4 query 0: "
                + "ERROR:  could not serialize access\n" + progress(1_000, 1_000);
        PgbenchWarmup.Outcome o = follow(lines, 7, new Pacing(1_000, 0, 2_000, 0, 20_000, 20_000), true,
                new long[] {1, 2, 3}, stopped);
        assertThat(o.ended()).isEqualTo("failed");
        assertThat(o.failure()).startsWith("pgbench: error: client 3");
        assertThat(stopped).isTrue();
    }

    @Test
    void pacing_pgbenchHasNoCountAndQuietsOnStatements() {
        for (Scale scale : List.of(Scale.quick(), Scale.full())) {
            Pacing p = Pacing.of(scale, Workload.PGBENCH_SELECT_PREPARED_8);
            assertThat(p.quietOps()).isEqualTo(Pacing.QUIET_OPS);
            assertThat(p.measureOps()).isZero();
            assertThat(p.capMillis()).isGreaterThanOrEqualTo(scale.name().equals("quick") ? 10_000 : 20_000);
        }
        assertThat(Workload.PGBENCH_TPCB_8.pgbench().statementsPerTransaction()).isEqualTo(7);
        assertThat(Workload.PGBENCH_SELECT_SIMPLE_8.pgbench().statementsPerTransaction()).isEqualTo(1);
    }
}
