package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuredGoalTest {
    private static Summary launcher(String workload, double startupMs) {
        return new Summary(workload, "helios-launcher", "ok", 2, 100, 100, 100, 1, 1, startupMs, 1, 1, Double.NaN, "");
    }

    @Test
    void startup_isTheMedianOfTheLauncherRowsAndJudgedAgainstOneSecond() {
        List<Summary> run = List.of(launcher("point-select", 700), launcher("scan-aggregate", 1500),
                launcher("insert-autocommit", 900),
                new Summary("point-select", "helios-mem", "ok", 2, 1, 1, 1, 1, 1, 5000, 1, 1, Double.NaN, ""));
        MeasuredGoal g = MeasuredGoal.startup(run);
        assertThat(g.value()).isEqualTo(900);
        assertThat(g.verdict()).isEqualTo("met");
        assertThat(MeasuredGoal.startup(List.of(launcher("w", 1200))).verdict()).isEqualTo("not met");
        assertThat(MeasuredGoal.startup(List.of()).verdict()).isEqualTo("n/a");
    }

    @Test
    void startup_judgesTheFirstAcceptedConnectionAndNamesTheFirstAnswerApart() {
        RunResult round1 = new RunResult("helios-launcher", "insert-autocommit", 1, "ok", 100, 1, 1, 400, 1, 1,
                Double.NaN, "").withFirstAnswerMs(1300);
        RunResult round2 = RunResult.parseLine(new RunResult("helios-launcher", "insert-autocommit", 2, "ok", 100, 1, 1,
                600, 1, 1, Double.NaN, "").withFirstAnswerMs(1100).toLine());
        assertThat(round2.firstAnswerMs()).as("the figure survives the child JVM's result line").isEqualTo(1100);
        MeasuredGoal g = MeasuredGoal.startup(Summary.of(List.of(round1, round2)));
        assertThat(g.value()).isEqualTo(500);
        assertThat(g.verdict()).isEqualTo("met");
        assertThat(g.how()).contains("first answered pgJDBC SELECT 1 at 1,200");
        assertThat(MeasuredGoal.startup(List.of(launcher("w", 900))).how()).doesNotContain("first answered");
    }

    @Test
    void emptyHeap_isAMeasuredRowOfTheGoalsTable() {
        MeasuredGoal heap = MeasuredGoal.emptyHeap(List.of(30.0, 20.0, 70.0));
        assertThat(heap.value()).isEqualTo(30.0);
        assertThat(heap.verdict()).isEqualTo("met");
        assertThat(MeasuredGoal.emptyHeap(List.of()).verdict()).isEqualTo("n/a");
        String md = MarkdownReport.render(new ReportContext("Run", "2 cores", List.of(), List.of(), List.of(heap)),
                List.of());
        assertThat(md).contains("| an empty in-memory database adds <= 50 MB of heap (heap in use after HeliosDB.open"
                + " (memory) and SELECT 1 minus before, each after System.gc(), median of 3 fresh JVM(s)) | 30.0 MB | met |");
    }

    @Test
    void hitRate_mustReachNinetyPercentOfTheHybridZipfianReads() {
        Summary hybrid = new Summary("zipf-point-select", HeliosHybridTarget.DEFAULT_ID, "ok", 3, 100, 90, 110, 1, 1, 1, 1, 1,
                0.62, "");
        MeasuredGoal low = MeasuredGoal.hitRate(List.of(hybrid));
        assertThat(low.value()).isCloseTo(62.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(low.verdict()).isEqualTo("not met");
        // the goal carries its definition and the ceiling zipf 0.99 puts on it
        assertThat(low.text()).contains("a tenth of the rows' logical size, 2.69 MB for 1,000,000 rows", "so at most 7",
                "90% needs the 169,");
        MeasuredGoal issue6 = MeasuredGoal.hitRate(List.of(hybrid), 80, 1_000_000);
        assertThat(issue6.limit()).isEqualTo(80);
        assertThat(issue6.text()).contains(">= 80%", "80% needs the 53,");
        Summary high = new Summary("zipf-point-select", HeliosHybridTarget.DEFAULT_ID, "ok", 3, 100, 90, 110, 1, 1, 1, 1, 1,
                0.95, "");
        assertThat(MeasuredGoal.hitRate(List.of(high)).verdict()).isEqualTo("met");
        assertThat(MeasuredGoal.hitRate(List.of()).verdict()).isEqualTo("n/a");
    }

    @Test
    void emptyHeapProbe_opensQueriesAndClosesAnInMemoryDatabase() {
        assertThat(EmptyHeapProbe.measureMb()).isFinite();
    }
}
