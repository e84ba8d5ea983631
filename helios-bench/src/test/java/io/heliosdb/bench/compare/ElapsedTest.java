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
