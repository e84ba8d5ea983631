package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunMatrixTest {

    @Test
    void launcher_runsOnlyTheStartUpWorkload() {
        assertThat(RunMatrix.whyNot("helios-launcher", Workload.INSERT_AUTOCOMMIT)).isNull();
        assertThat(RunMatrix.whyNot("helios-launcher", Workload.POINT_SELECT)).contains("start-up");
    }

    @Test
    void hybrid_runsOnlyCachedReads() {
        assertThat(RunMatrix.whyNot("helios-hybrid-caffeine", Workload.ZIPF_POINT_SELECT)).isNull();
        assertThat(RunMatrix.whyNot("helios-hybrid-chronicle", Workload.POINT_SELECT)).isNull();
        assertThat(RunMatrix.whyNot("helios-hybrid-caffeine", Workload.PGBENCH_TPCB_8)).isNull();
        assertThat(RunMatrix.whyNot("helios-hybrid-caffeine", Workload.SCAN_AGGREGATE)).isNotNull();
    }

    @Test
    void zipf_comparesServerWithHybridOnly() {
        assertThat(RunMatrix.whyNot("helios-server-rocks", Workload.ZIPF_POINT_SELECT)).isNull();
        assertThat(RunMatrix.whyNot("sqlite-file", Workload.ZIPF_POINT_SELECT)).contains("Server with Hybrid");
        assertThat(RunMatrix.whyNot("sqlite-file", Workload.POINT_SELECT)).isNull();
    }
}
