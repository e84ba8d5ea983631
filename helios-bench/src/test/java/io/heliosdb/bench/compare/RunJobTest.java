package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One JVM running several workloads of a job ({@link RunPlan}), in process. */
class RunJobTest {
    private static final Scale SMALL = Scale.quick().withRows(1_000);

    /** Each writing workload starts on an empty database, though H2 keeps a named in-memory one for the JVM. */
    @Test
    void writes_eachWorkloadOnAFreshDatabase(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        RunOne.run(TargetCatalog.byId("h2-mem", 0), List.of(Workload.INSERT_AUTOCOMMIT, Workload.TX_1000_BATCH), 1,
                SMALL, dir, false, results::add);
        assertThat(results).extracting(RunResult::workload).containsExactly("insert-autocommit", "tx-1000-batch");
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.note()).isEqualTo("ok"));
        assertThat(results.get(1).startupMs()).isEqualTo(results.get(0).startupMs());
    }

    /** The reads share the data set loaded once: SQLite's :memory: database lives in the first connection only. */
    @Test
    void reads_shareTheDataSetLoadedOnce(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        RunOne.run(TargetCatalog.byId("sqlite-mem", 0), List.of(Workload.POINT_SELECT, Workload.SCAN_AGGREGATE), 1,
                SMALL, dir, false, results::add);
        assertThat(results).extracting(RunResult::workload).containsExactly("point-select", "scan-aggregate");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.note()).isEqualTo("ok");
            assertThat(r.opsPerSec()).isPositive();
        });
    }

    @Test
    void hitRate_isTheDifferenceAcrossTheWorkload() {
        assertThat(RunOne.hitRate(new long[] {10, 5}, new long[] {40, 15})).isEqualTo(0.75);
        assertThat(RunOne.hitRate(new long[] {10, 5}, new long[] {10, 5})).isNaN();
        assertThat(RunOne.hitRate(null, new long[] {1, 1})).isNaN();
    }
}
