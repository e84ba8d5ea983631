package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class WarmupReplayTest {

    /** A compare log's warm-up as PgbenchRun writes it: the command, each progress line and its JIT line, the end. */
    private static List<String> log(String flags, long[] jitPerSecond, double[] tps, String end) {
        List<String> lines = new ArrayList<>(List.of("INFO: something else",
                "$ /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p 43143 -U postgres " + flags
                        + " -T 20 -n -P 1 postgres"));
        long total = 10_000;
        for (int i = 0; i < tps.length; i++) {
            total += jitPerSecond[i];
            lines.add(String.format(Locale.ROOT, "progress: %d.0 s, %.1f tps, lat 0.349 ms stddev 0.123, 0 failed",
                    i + 1, tps[i]));
            lines.add(String.format(Locale.ROOT, "warm-up %d.0 s: %,.0f tps; JIT +%d ms compiling (%,d ms in all)",
                    i + 1, tps[i], jitPerSecond[i], total));
        }
        lines.add(end);
        lines.add("$ /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p 43143 -U postgres " + flags + " -T 3 -n postgres");
        lines.add("tps = 20409.785143 (without initial connection time)");
        return lines;
    }

    /**
     * The server's select-only warm-up of the 03:15 full run: a trickle of 0-36 ms a second kept the old rule (no
     * compilation at all) warming up for 10.5 s; with the tolerance the rule ends it after 7 s: at 4 s the rate
     * was still climbing, and the 381 ms compilation of the fifth second had to leave the 2-s stretch.
     */
    @Test
    void replay_endsWhenTheTrickleIsTolerated() throws Exception {
        List<String> lines = log("-S -M simple -c 1 -j 1", new long[] {1742, 242, 2, 7, 381, 15, 36, 0, 34, 0},
                new double[] {10757, 19409, 15930, 20595, 16733, 19946, 19748, 20353, 21093, 22065},
                "warmed up with 186627 transactions in 10.5 s (ended by jit quiet)");
        List<WarmupReplay.Recorded> recorded = WarmupReplay.parse("1-helios-server-rocks.log", lines);
        assertThat(recorded).hasSize(1);
        WarmupReplay.Recorded r = recorded.get(0);
        assertThat(r.command()).isEqualTo("-S -M simple -c 1 -j 1");
        assertThat(r.statementsPerTransaction()).isEqualTo(1);
        assertThat(r.progress()).hasSize(10);
        assertThat(r.compiledTotals()).hasSize(11).startsWith(10_000L, 11_742L);
        assertThat(r.endedSeconds()).isEqualTo(10.5);
        assertThat(r.endedBy()).isEqualTo("jit quiet");
        WarmupReplay.Replayed p = WarmupReplay.replay(r, Scale.full());
        assertThat(p.endedBy()).isEqualTo("jit quiet");
        assertThat(p.seconds()).isEqualTo(7.0);
    }

    /** A warm-up the rule would end later than the run did shows as such (no seconds), not as a made-up figure. */
    @Test
    void replay_aRateStillClimbingAtTheRecordedEndRunsPastIt() throws Exception {
        List<String> lines = log("-M simple -c 8 -j 2", new long[] {0, 0, 0},
                new double[] {400, 700, 1000}, "warmed up with 2100 transactions in 3.0 s (ended by jit quiet)");
        WarmupReplay.Recorded r = WarmupReplay.parse("1-postgres.log", lines).get(0);
        assertThat(r.statementsPerTransaction()).isEqualTo(7);
        assertThat(WarmupReplay.replay(r, Scale.full()).seconds()).isNaN();
    }

    @Test
    void replay_aRecordedCapStaysTheCapWhenNeverQuiet() throws Exception {
        long[] busy = new long[20];
        double[] tps = new double[20];
        java.util.Arrays.fill(busy, 500);
        java.util.Arrays.fill(tps, 20_000);
        WarmupReplay.Recorded r = WarmupReplay.parse("x.log", log("-S -M prepared -c 8 -j 2", busy, tps,
                "warmed up with 400000 transactions in 20.1 s (ended by cap)")).get(0);
        WarmupReplay.Replayed p = WarmupReplay.replay(r, Scale.full());
        assertThat(p.endedBy()).isEqualTo("cap");
        assertThat(p.seconds()).isEqualTo(20.0);
    }
    /**
     * A JVM's later warm-up (an earlier one ended on the JIT's quiet) needs one progress line a stretch, not the
     * full run's two: the server's prepared 8-client run of the 06:38 full run (round 1) ends after 2 s, not 5.
     */
    @Test
    void replay_aLaterWarmUpOfTheJvmNeedsOneSecondStretches() throws Exception {
        WarmupReplay.Recorded r = WarmupReplay.parse("1-helios-server-rocks.log", log("-S -M prepared -c 8 -j 2",
                new long[] {50, 0, 2, 0, 14, 1}, new double[] {44_077, 36_010, 45_645, 45_197, 37_681, 46_603},
                "warmed up with 255211 transactions in 6.0 s (ended by jit quiet)")).get(0);
        assertThat(WarmupReplay.replay(r, Scale.full(), false).seconds()).isEqualTo(5.0);
        WarmupReplay.Replayed later = WarmupReplay.replay(r, Scale.full(), true);
        assertThat(later.endedBy()).isEqualTo("jit quiet");
        assertThat(later.seconds()).isEqualTo(2.0);
    }

    /** The least quiet stretch: the least warm-up for a JVM's first pgbench warm-up, one second after that. */
    @Test
    void quietNanos_firstWarmUpOfTheJvmAndLaterOnes() {
        Pacing full = Pacing.of(Scale.full(), Workload.PGBENCH_TPCB_8);
        Pacing quick = Pacing.of(Scale.quick(), Workload.PGBENCH_TPCB_8);
        assertThat(PgbenchRun.quietNanos(full)).isEqualTo(2_000_000_000L);
        assertThat(PgbenchRun.quietNanos(full, true)).isEqualTo(1_000_000_000L);
        assertThat(PgbenchRun.quietNanos(quick)).isEqualTo(1_000_000_000L);
        assertThat(PgbenchRun.quietNanos(quick, true)).isEqualTo(1_000_000_000L);
    }
}
