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

    /**
     * A system's JVM runs its jobs in order, each on its own directory: the reads on the data set loaded once, then
     * each write on an empty database; every result carries the JVM's first open as start-up; each job's time is
     * reported; a job that fails does not stop the next.
     */
    @Test
    void runJobs_readsThenWritesInOneJvm(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        List<Integer> timed = new ArrayList<>();
        RunOne.runJobs(TargetCatalog.byId("h2-mem", 0), List.of(List.of(Workload.POINT_SELECT, Workload.SCAN_AGGREGATE),
                        List.of(Workload.INSERT_AUTOCOMMIT)), 1, SMALL, List.of(dir.resolve("db-0"), dir.resolve("db-1")),
                List.of(false, false), results::add, (job, nanos) -> {
                    assertThat(nanos).isPositive();
                    timed.add(job);
                });
        assertThat(results).extracting(RunResult::workload)
                .containsExactly("point-select", "scan-aggregate", "insert-autocommit");
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.note()).isEqualTo("ok"));
        assertThat(results).extracting(RunResult::startupMs).containsOnly(results.get(0).startupMs());
        assertThat(timed).containsExactly(0, 1);
    }

    @Test
    void runJobs_aFailingJobFailsItsOwnWorkloadsOnly(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        java.nio.file.Files.writeString(dir.resolve("not-a-dir"), "x");
        RunOne.runJobs(TargetCatalog.byId("h2-file", 0), List.of(List.of(Workload.POINT_SELECT),
                        List.of(Workload.INSERT_AUTOCOMMIT)), 1, SMALL,
                List.of(dir.resolve("not-a-dir").resolve("db"), dir.resolve("db-1")), List.of(false, false),
                results::add, (job, nanos) -> { });
        assertThat(results).extracting(RunResult::workload).containsExactly("point-select", "insert-autocommit");
        assertThat(results.get(0).status()).isEqualTo("error");
        assertThat(results.get(1).status()).as(results.get(1).note()).isEqualTo("ok");
    }

    /** Opens helios-rocks, recording whether each open was within a budget. */
    private record RecordingTarget(HeliosEmbeddedTarget inner, List<Long> budgets) implements Target, ZipfMemory.Budgeted {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public String notApplicable(Workload workload) {
            return inner.notApplicable(workload);
        }

        @Override
        public Instance open(Path directory) {
            budgets.add(0L);
            return inner.open(directory);
        }

        @Override
        public Instance openWithin(Path directory, long budgetBytes) {
            budgets.add(budgetBytes);
            return inner.openWithin(directory, budgetBytes);
        }
    }

    /**
     * The zipfian reads run within their memory budget on an instance of their own, which loads the data set; the
     * reads after them open the same files with the usual memory and find the data there.
     */
    @Test
    void reads_zipfRunsWithinItsBudgetOnItsOwnInstance_theRestOnTheUsualOne(@TempDir Path dir) throws Exception {
        List<RunResult> results = new ArrayList<>();
        List<Long> budgets = new ArrayList<>();
        RunOne.run(new RecordingTarget(new HeliosEmbeddedTarget("helios-rocks", "rocksdb"), budgets),
                List.of(Workload.ZIPF_POINT_SELECT, Workload.POINT_SELECT), 1, SMALL, dir, false, results::add);
        assertThat(results).extracting(RunResult::workload).containsExactly("zipf-point-select", "point-select");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).as(r.note()).isEqualTo("ok");
            assertThat(r.opsPerSec()).isPositive();
        });
        assertThat(budgets).containsExactly(ZipfMemory.budgetBytes(SMALL.rows()), 0L);
    }

    @Test
    void hitRate_isTheDifferenceAcrossTheWorkload() {
        assertThat(RunOne.hitRate(new long[] {10, 5}, new long[] {40, 15})).isEqualTo(0.75);
        assertThat(RunOne.hitRate(new long[] {10, 5}, new long[] {10, 5})).isNaN();
        assertThat(RunOne.hitRate(null, new long[] {1, 1})).isNaN();
    }
}
