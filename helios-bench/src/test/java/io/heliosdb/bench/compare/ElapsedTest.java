package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElapsedTest {

    @Test
    void clock_addsUpPartsAndPutsTheRestUnderOther() {
        Elapsed.Clock clock = new Elapsed.Clock();
        clock.add("point-select", 2_000_000_000L);
        clock.add("scan-aggregate", 1_000_000_000L);
        clock.add("point-select", 3_000_000_000L);
        List<Elapsed> parts = clock.list(10_000_000_000L);
        assertThat(parts).containsExactly(new Elapsed("point-select", 2, 5.0), new Elapsed("scan-aggregate", 1, 1.0),
                new Elapsed(Elapsed.OTHER, 0, 4.0), new Elapsed(Elapsed.TOTAL, 3, 10.0));
    }

    /** Warm-ups and measured windows lie inside the parts: listed after the total, not added to it. */
    @Test
    void clock_listsTimeWithinThePartsAfterTheTotal() {
        Elapsed.Clock clock = new Elapsed.Clock();
        clock.add("reads", 10_000_000_000L);
        clock.addWithin(Elapsed.WARMUPS, 3_000_000_000L);
        clock.addWithin(Elapsed.MEASURED, 2_000_000_000L);
        clock.addWithin(Elapsed.WARMUPS, 1_000_000_000L);
        assertThat(clock.list(12_000_000_000L)).containsExactly(new Elapsed("reads", 1, 10.0),
                new Elapsed(Elapsed.OTHER, 0, 2.0), new Elapsed(Elapsed.TOTAL, 1, 12.0),
                new Elapsed(Elapsed.WARMUPS, 0, 4.0), new Elapsed(Elapsed.MEASURED, 0, 2.0));
        clock.add("builds", 5_000_000_000L, 3);
        assertThat(clock.list(20_000_000_000L).get(1)).isEqualTo(new Elapsed("builds", 3, 5.0));
    }

    /** A JVM's PHASES lines add up, the zipfian and pgbench warm-ups also on rows of their own, in that order. */
    @Test
    void phases_addUpPerKindOfWarmup() {
        long[] phases = new long[Elapsed.PHASES];
        Elapsed.parsePhases(RunOne.phasesLine(Workload.POINT_SELECT, 1_000_000_000L, 1_000_000_000L), phases);
        Elapsed.parsePhases(RunOne.phasesLine(Workload.ZIPF_POINT_SELECT, 20_000_000_000L, 3_000_000_000L), phases);
        Elapsed.parsePhases(RunOne.phasesLine(Workload.PGBENCH_TPCB_8, 16_000_000_000L, 3_000_000_000L), phases);
        Elapsed.parsePhases("PHASES 5 5", phases); // not this build's line: nothing added
        assertThat(phases).containsExactly(37_000_000_000L, 7_000_000_000L, 20_000_000_000L, 16_000_000_000L);
        Elapsed.Clock clock = new Elapsed.Clock();
        Elapsed.addPhases(clock, phases);
        Elapsed.addPhases(clock, new long[Elapsed.PHASES]);
        assertThat(clock.list(40_000_000_000L)).endsWith(new Elapsed(Elapsed.WARMUPS, 0, 37.0),
                new Elapsed(Elapsed.WARMUPS_ZIPF, 0, 20.0), new Elapsed(Elapsed.WARMUPS_PGBENCH, 0, 16.0),
                new Elapsed(Elapsed.MEASURED, 0, 7.0));
    }

    @Test
    void report_showsElapsedTimePerPartAndTheTotal() {
        Elapsed.Clock clock = new Elapsed.Clock();
        clock.add("point-select", 62_000_000_000L);
        String md = MarkdownReport.render(new ReportContext("Run", "2 cores", List.of(), List.of(), List.of(),
                clock.list(185_000_000_000L)), List.of());
        assertThat(md).contains("| part | runs | seconds |", "| point-select | 1 | 62 |",
                "| " + Elapsed.OTHER + " |  | 123 |", "| **total** | 1 | **185** (3.1 min) |");
        assertThat(MarkdownReport.render(new ReportContext("Run", "2 cores", List.of(), List.of()), List.of()))
                .doesNotContain("Elapsed time");
    }
}
