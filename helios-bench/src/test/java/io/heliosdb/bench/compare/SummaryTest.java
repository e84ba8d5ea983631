package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static RunResult ok(String target, String workload, int round, double ops) {
        return new RunResult(target, workload, round, "ok", ops, ops / 10, ops / 5, 100 + round, 50 * round, "");
    }

    @Test
    void median_oddAndEvenCounts() {
        assertThat(Summary.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(Summary.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Summary.median(new double[0])).isNaN();
    }

    @Test
    void of_groupsRoundsPerPairWithMedianMinMaxAndPeakHeap() {
        List<Summary> s = Summary.of(List.of(ok("a", "w", 1, 300), ok("b", "w", 1, 100), ok("a", "w", 2, 100),
                ok("b", "w", 2, 120), ok("a", "w", 3, 200), ok("b", "w", 3, 80)));
        assertThat(s).extracting(Summary::target).containsExactly("a", "b");
        Summary a = s.get(0);
        assertThat(a.rounds()).isEqualTo(3);
        assertThat(a.medianOps()).isEqualTo(200);
        assertThat(a.minOps()).isEqualTo(100);
        assertThat(a.maxOps()).isEqualTo(300);
        assertThat(a.p50Micros()).isEqualTo(20);
        assertThat(a.peakHeapMb()).isEqualTo(150);
        assertThat(a.ratioTo(s.get(1))).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void of_failedAndNotApplicableRunsAreKeptApart() {
        List<Summary> s = Summary.of(List.of(RunResult.notApplicable("d", "w", 1, "analytics only"),
                RunResult.error("e", "w", 1, "boom"), ok("f", "w", 1, 10), RunResult.error("f", "w", 2, "late")));
        assertThat(s.get(0).status()).isEqualTo("n/a");
        assertThat(s.get(0).note()).isEqualTo("analytics only");
        assertThat(s.get(1).status()).isEqualTo("error");
        assertThat(s.get(2).status()).isEqualTo("ok");
        assertThat(s.get(2).rounds()).isEqualTo(1);
        assertThat(s.get(2).note()).contains("1 run(s) failed").contains("late");
        assertThat(s.get(2).ratioTo(s.get(0))).isNaN();
    }

    @Test
    void goals_verdictComparesRatioWithFactor() {
        List<Summary> s = Summary.of(List.of(ok("helios-mem", "point-select", 1, 300),
                ok("h2-mem", "point-select", 1, 100), ok("sqlite-mem", "point-select", 1, 150)));
        Goals vsH2 = Goals.ALL.get(0);
        Goals vsSqlite = Goals.ALL.get(1);
        assertThat(vsH2.verdict(s)).isEqualTo("met");
        assertThat(vsSqlite.ratio(s)).isCloseTo(2.0, within(1e-9));
        assertThat(vsSqlite.verdict(s)).isEqualTo("not met");
        assertThat(Goals.ALL.get(2).verdict(s)).isEqualTo("n/a");
    }
}
