package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunMatrixTest {

    @Test
    void launcher_runsOnlyTheStartUpWorkload() {
        assertThat(RunMatrix.whyNot("helios-launcher", Workload.INSERT_AUTOCOMMIT)).isNull();
        assertThat(RunMatrix.whyNot("helios-launcher", Workload.INSERT_AUTOCOMMIT, true)).isNull();
        assertThat(RunMatrix.whyNot("helios-launcher", Workload.POINT_SELECT)).contains("start-up");
    }

    @Test
    void hybrid_runsOnlyCachedReadsAndTheGoalsPgbench() {
        assertThat(RunMatrix.whyNot("helios-hybrid-caffeine", Workload.ZIPF_POINT_SELECT)).isNull();
        // The other layers only where they differ: the zipfian reads; the default layer runs the rest.
        assertThat(RunMatrix.whyNot("helios-hybrid-chronicle", Workload.POINT_SELECT)).contains("zipf-point-select");
        assertThat(RunMatrix.whyNot("helios-hybrid-caffeine", Workload.PGBENCH_TPCB_8)).contains("zipf-point-select");
        assertThat(RunMatrix.whyNot(HeliosHybridTarget.DEFAULT_ID, Workload.POINT_SELECT)).isNull();
        assertThat(RunMatrix.whyNot(HeliosHybridTarget.DEFAULT_ID, Workload.PGBENCH_TPCB_8)).isNull();
        assertThat(RunMatrix.whyNot(HeliosHybridTarget.DEFAULT_ID, Workload.PGBENCH_TPCB_1)).contains("8 clients");
        assertThat(RunMatrix.whyNot("helios-hybrid-caffeine", Workload.SCAN_AGGREGATE)).isNotNull();
    }

    @Test
    void zipf_comparesServerWithHybridOnly() {
        assertThat(RunMatrix.whyNot("helios-server-rocks", Workload.ZIPF_POINT_SELECT)).isNull();
        assertThat(RunMatrix.whyNot("sqlite-file", Workload.ZIPF_POINT_SELECT)).contains("Server with Hybrid");
        assertThat(RunMatrix.whyNot("sqlite-file", Workload.POINT_SELECT)).isNull();
    }

    @Test
    void full_leavesOutOnlyRepeatedMeasurements() {
        assertThat(RunMatrix.whyNot("helios-server-mem", Workload.POINT_SELECT)).isNull();
        assertThat(RunMatrix.whyNot("helios-server-mem", Workload.SCAN_AGGREGATE)).isNotNull();
        assertThat(RunMatrix.whyNot("helios-server-rocks", Workload.JOIN)).isNotNull();
        assertThat(RunMatrix.whyNot("helios-server-rocks", Workload.SCAN_AGGREGATE)).isNull();
        assertThat(RunMatrix.whyNot("helios-lmdb", Workload.JOIN)).isNull();
        assertThat(RunMatrix.whyNot("postgres", Workload.DURABLE_4)).isNull();
    }

    @Test
    void quick_measuresTheGoalsPairsOnly() {
        assertThat(RunMatrix.whyNot("sqlite-mem", Workload.POINT_SELECT, true)).isNull();
        assertThat(RunMatrix.whyNot("helios-rocks", Workload.DURABLE_1, true)).isNull();
        assertThat(RunMatrix.whyNot("postgres", Workload.POINT_SELECT, true)).contains("--quick");
        assertThat(RunMatrix.whyNot("sqlite-file", Workload.DURABLE_16, true)).contains("--quick");
    }

    @Test
    void quick_withNamedTargetsOrWorkloads_measuresWhatIsNamed() {
        assertThat(CompareOptions.parse(new String[] {"--quick", "--no-postgres"}).goalPairsOnly()).isTrue();
        assertThat(CompareOptions.parse(new String[] {"--quick", "--no-postgres", "--workloads", "durable-4"})
                .goalPairsOnly()).isFalse();
        assertThat(CompareOptions.parse(new String[] {"--quick", "--no-postgres", "--targets", "postgres"})
                .goalPairsOnly()).isFalse();
        assertThat(CompareOptions.parse(new String[] {"--no-postgres"}).goalPairsOnly()).isFalse();
    }

    /** Every goal row has both of its sides measured by the default quick and full runs. */
    @Test
    void everyGoal_isMeasuredOnBothSidesInQuickAndFull() {
        for (String[] args : List.of(new String[] {"--quick", "--no-postgres"}, new String[] {"--no-postgres"})) {
            CompareOptions options = CompareOptions.parse(args);
            for (Goals g : Goals.ALL) {
                for (String[] side : List.of(new String[] {g.subjectWorkload(), g.subjectTarget()},
                        new String[] {g.refWorkload(), g.refTarget()})) {
                    assertThat(options.workloads()).as(g.text()).contains(side[0]);
                    assertThat(options.targets()).as(g.text()).contains(side[1]);
                    assertThat(RunMatrix.whyNot(side[1], Workload.byId(side[0]), options.goalPairsOnly())).as(g.text()).isNull();
                    // PostgreSQL and pgbench depend on the machine; every other side must run here.
                    Workload w = Workload.byId(side[0]);
                    if (w.pgbench() == null) {
                        assertThat(TargetCatalog.byId(side[1], 5432).notApplicable(w)).as(g.text()).isNull();
                    }
                }
            }
        }
    }
}
