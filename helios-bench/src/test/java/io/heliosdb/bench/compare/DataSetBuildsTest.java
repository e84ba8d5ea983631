package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetBuildsTest {

    private static RunResult ok(DataSetBuilds.Build b) {
        return new RunResult(b.targetId(), b.workloadId(), 0, "ok", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, "");
    }

    /** One build per data set, by the first target of the run that reads it; in-memory systems build none. */
    @Test
    void plan_quick_oneBuildPerDataSet() {
        CompareOptions quick = CompareOptions.parse(new String[] {"--quick", "--no-postgres"});
        List<DataSetBuilds.Build> builds = DataSetBuilds.plan(quick, 0);
        assertThat(builds).extracting(DataSetBuilds.Build::key).doesNotHaveDuplicates()
                .contains("helios-rocksdb/items", "h2-file/items", "sqlite-file/items")
                .noneMatch(k -> k.startsWith("postgres/"));
        assertThat(builds).filteredOn(b -> b.key().equals("helios-rocksdb/items"))
                .extracting(DataSetBuilds.Build::targetId).containsExactly("helios-rocks");
        assertThat(builds).extracting(DataSetBuilds.Build::targetId)
                .doesNotContain("helios-mem", "h2-mem", "sqlite-mem", "duckdb-mem");
    }

    @Test
    void byTarget_keepsOneTargetsBuildsTogetherInOrder() {
        var a1 = new DataSetBuilds.Build("postgres/items", "postgres", "point-select");
        var b = new DataSetBuilds.Build("sqlite-file/items", "sqlite-file", "point-select");
        var a2 = new DataSetBuilds.Build("postgres/pgbench", "postgres", "pgbench-tpcb-8");
        assertThat(DataSetBuilds.byTarget(List.of(a1, b, a2))).containsExactly(List.of(a1, a2), List.of(b));
    }

    /** The full run's longest build (HeliosDB's pgbench tables) starts first; equal groups keep their order. */
    @Test
    void longestFirst_fullRunStartsThePgbenchTablesFirst() {
        CompareOptions full = CompareOptions.parse(new String[] {"--no-postgres"});
        List<List<DataSetBuilds.Build>> groups = DataSetBuilds.longestFirst(
                DataSetBuilds.byTarget(DataSetBuilds.plan(full, 0)));
        assertThat(groups.get(0)).extracting(DataSetBuilds.Build::key).containsExactly("helios-rocksdb/pgbench");
        assertThat(groups.get(1)).extracting(DataSetBuilds.Build::key).containsExactly("h2-file/items");
        var x = new DataSetBuilds.Build("x/items", "x", "point-select");
        var y = new DataSetBuilds.Build("y/items", "y", "point-select");
        var pg = new DataSetBuilds.Build("postgres/pgbench", "postgres", "pgbench-tpcb-8");
        assertThat(DataSetBuilds.longestFirst(List.of(List.of(pg), List.of(x), List.of(y))))
                .containsExactly(List.of(x), List.of(y), List.of(pg));
    }

    /**
     * Two targets' builds run at once (each waits for the other to have started: built one after another, the
     * latch would time out); one target's builds run one after another; every outcome is recorded.
     */
    @Test
    void run_buildsTwoTargetsAtOnceAndOneTargetsBuildsInTurn(@TempDir Path root) throws Exception {
        var a1 = new DataSetBuilds.Build("postgres/items", "postgres", "point-select");
        var a2 = new DataSetBuilds.Build("postgres/pgbench", "postgres", "pgbench-tpcb-8");
        var b = new DataSetBuilds.Build("sqlite-file/items", "sqlite-file", "point-select");
        CountDownLatch bothStarted = new CountDownLatch(2);
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicBoolean together = new AtomicBoolean(true);
        DataSets sets = new DataSets(root);
        AtomicBoolean probeRan = new AtomicBoolean();
        List<String> out = DataSetBuilds.run(List.of(a1, b, a2), sets, 2, root, (build, dir, log) -> {
            if (running.computeIfAbsent(build.targetId(), k -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapped.set(true);
            }
            try {
                if (build != a2) {
                    bothStarted.countDown();
                    together.compareAndSet(true, bothStarted.await(60, TimeUnit.SECONDS));
                }
                return build == b ? RunResult.error(b.targetId(), b.workloadId(), 0, "boom") : ok(build);
            } finally {
                running.get(build.targetId()).decrementAndGet();
            }
        }, List.of(() -> probeRan.set(true)));
        assertThat(together).as("two targets built at once").isTrue();
        assertThat(overlapped).as("one target's builds overlapped").isFalse();
        assertThat(probeRan).isTrue();
        assertThat(out).containsExactly("postgres/items", "sqlite-file/items (failed: its runs load their own data)",
                "postgres/pgbench");
        assertThat(sets.copyOf("postgres/items")).isNotNull();
        assertThat(sets.copyOf("postgres/pgbench")).isNotNull();
        assertThat(sets.tried("sqlite-file/items")).isTrue();
        assertThat(sets.copyOf("sqlite-file/items")).isNull();
    }

    /** A build that throws fails the run (as a build's launch failing did before), after the others ended. */
    @Test
    void run_aThrowingBuildFailsTheRun(@TempDir Path root) {
        var a = new DataSetBuilds.Build("sqlite-file/items", "sqlite-file", "point-select");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DataSetBuilds.run(List.of(a), new DataSets(root), 2,
                root, (build, dir, log) -> {
                    throw new java.io.IOException("no java");
                }, List.of())).hasMessageContaining("no java");
    }
}
