package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class RunPlanTest {
    private static final Set<String> WIRE = Set.of("helios-server-rocks", HeliosHybridTarget.DEFAULT_ID, "postgres");

    /** The pairs a run measures, as CompareMain decides them, with PostgreSQL and pgbench taken as present. */
    private static BiPredicate<String, Workload> measured(CompareOptions options) {
        return (t, w) -> RunMatrix.whyNot(t, w, options.goalPairsOnly()) == null
                && (w.pgbench() != null ? WIRE.contains(t) : TargetCatalog.byId(t, 5432).notApplicable(w) == null);
    }

    private static List<RunPlan.Job> plan(String... args) {
        CompareOptions options = CompareOptions.parse(args);
        return RunPlan.round(options.targets(), options.workloads(), measured(options));
    }

    private static RunPlan.Job job(List<RunPlan.Job> jobs, String target, RunPlan.Kind kind) {
        return jobs.stream().filter(j -> j.target().equals(target) && j.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void quick_oneJvmPerSystemAndKind() {
        List<RunPlan.Job> jobs = plan("--quick", "--no-postgres");
        assertThat(job(jobs, "helios-rocks", RunPlan.Kind.READS).workloadIds())
                .containsExactly("point-select", "scan-aggregate");
        assertThat(job(jobs, "helios-rocks", RunPlan.Kind.WRITES).workloadIds())
                .containsExactly("insert-autocommit", "tx-1000-batch", "durable-1", "durable-16");
        assertThat(job(jobs, "postgres", RunPlan.Kind.PGBENCH).workloadIds())
                .containsExactly("pgbench-select-prepared-8", "pgbench-select-simple-8", "pgbench-tpcb-8");
        assertThat(job(jobs, "helios-launcher", RunPlan.Kind.WRITES).workloadIds()).containsExactly("insert-autocommit");
        // Kinds in the order their first workload is listed; within a kind, systems in the listed order.
        assertThat(jobs.stream().map(RunPlan.Job::kind).distinct().toList())
                .containsExactly(RunPlan.Kind.READS, RunPlan.Kind.WRITES, RunPlan.Kind.PGBENCH);
        assertThat(jobs.stream().filter(j -> j.kind() == RunPlan.Kind.READS).map(RunPlan.Job::target).toList())
                .containsExactly("helios-mem", "helios-rocks", "helios-server-rocks", HeliosHybridTarget.DEFAULT_ID,
                        "h2-mem", "h2-file", "sqlite-mem", "sqlite-file", "duckdb-mem");
        assertThat(jobs).hasSize(9 + 3 + 3);
    }

    private static List<RunPlan.Jvm> jvms(String... args) {
        CompareOptions options = CompareOptions.parse(args);
        return RunPlan.perSystem(options.targets(), options.workloads(), measured(options));
    }

    private static RunPlan.Jvm jvm(List<RunPlan.Jvm> jvms, String target) {
        return jvms.stream().filter(j -> j.target().equals(target)).findFirst().orElseThrow();
    }

    /** One JVM per system and round, in the listed order, running its reads, then writes, then pgbench. */
    @Test
    void perSystem_quick_oneJvmPerSystemReadsThenWritesThenPgbench() {
        List<RunPlan.Jvm> jvms = jvms("--quick", "--no-postgres");
        assertThat(jvms).extracting(RunPlan.Jvm::target).containsExactly("helios-mem", "helios-rocks",
                "helios-server-rocks", HeliosHybridTarget.DEFAULT_ID, "helios-launcher", "h2-mem", "h2-file", "sqlite-mem",
                "sqlite-file", "postgres", "duckdb-mem");
        assertThat(jvm(jvms, "helios-rocks").jobs()).extracting(RunPlan.Job::kind)
                .containsExactly(RunPlan.Kind.READS, RunPlan.Kind.WRITES);
        assertThat(jvm(jvms, "helios-rocks").workloadIds()).containsExactly("point-select", "scan-aggregate",
                "insert-autocommit", "tx-1000-batch", "durable-1", "durable-16");
        assertThat(jvm(jvms, "helios-server-rocks").jobs()).extracting(RunPlan.Job::kind)
                .containsExactly(RunPlan.Kind.READS, RunPlan.Kind.PGBENCH);
        assertThat(jvm(jvms, "postgres").workloadIds())
                .containsExactly("pgbench-select-prepared-8", "pgbench-select-simple-8", "pgbench-tpcb-8");
    }

    /** The full run: a second tpcb-like workload is a job of its own (a fresh copy of the tables) in the same JVM. */
    @Test
    void perSystem_full_everyPairOnceAndEachTpcbOnFreshTables() {
        CompareOptions options = CompareOptions.parse(new String[] {"--no-postgres"});
        BiPredicate<String, Workload> measured = measured(options);
        List<RunPlan.Jvm> jvms = RunPlan.perSystem(options.targets(), options.workloads(), measured);
        assertThat(jvms).hasSize((int) options.targets().stream()
                .filter(t -> options.workloads().stream().anyMatch(w -> measured.test(t, Workload.byId(w)))).count());
        RunPlan.Jvm server = jvm(jvms, "helios-server-rocks");
        assertThat(server.jobs()).extracting(RunPlan.Job::kind).containsExactly(RunPlan.Kind.READS,
                RunPlan.Kind.WRITES, RunPlan.Kind.PGBENCH, RunPlan.Kind.PGBENCH);
        assertThat(server.jobs().get(3).workloadIds()).containsExactly("pgbench-tpcb-1");
        Set<String> seen = new HashSet<>();
        for (RunPlan.Jvm j : jvms) {
            for (String w : j.workloadIds()) {
                assertThat(seen.add(j.target() + "/" + w)).as(j.target() + "/" + w).isTrue();
            }
        }
        assertThat(seen).hasSize((int) options.targets().stream().mapToLong(t -> options.workloads().stream()
                .filter(w -> measured.test(t, Workload.byId(w))).count()).sum());
    }

    @Test
    void reads_runTheZipfianWorkloadFirst() {
        List<RunPlan.Job> jobs = plan("--no-postgres");
        assertThat(job(jobs, HeliosHybridTarget.DEFAULT_ID, RunPlan.Kind.READS).workloadIds())
                .containsExactly("zipf-point-select", "point-select");
        assertThat(job(jobs, "helios-rocks", RunPlan.Kind.READS).workloadIds())
                .containsExactly("zipf-point-select", "point-select", "scan-aggregate", "group-by", "join");
    }

    /**
     * tpcb-like changes pgbench's tables: at most one per JVM, after every select-only run of it; the one with the
     * most clients comes first, so every system's tpcb-8 (Hybrid's only tpcb-like run) follows the same history.
     */
    @Test
    void pgbench_changingWorkloadRunsLastAndAloneAfterTheFirst() {
        List<RunPlan.Job> jobs = plan("--no-postgres");
        List<RunPlan.Job> server = jobs.stream()
                .filter(j -> j.target().equals("helios-server-rocks") && j.kind() == RunPlan.Kind.PGBENCH).toList();
        assertThat(server).hasSize(2);
        assertThat(server.get(0).workloadIds()).containsExactly("pgbench-select-simple-1", "pgbench-select-simple-8",
                "pgbench-select-prepared-1", "pgbench-select-prepared-8", "pgbench-tpcb-8");
        assertThat(server.get(1).workloadIds()).containsExactly("pgbench-tpcb-1");
        for (RunPlan.Job j : jobs) {
            List<Workload> changing = j.workloads().stream()
                    .filter(w -> w.pgbench() != null && !w.pgbench().selectOnly()).toList();
            assertThat(changing).as(j.toString()).hasSizeLessThanOrEqualTo(1);
            if (!changing.isEmpty()) {
                assertThat(j.workloads().get(j.workloads().size() - 1)).isEqualTo(changing.get(0));
            }
        }
        // Every system's first pgbench JVM runs before any system's second (A B A B).
        List<Integer> jobSizes = new ArrayList<>();
        jobs.stream().filter(j -> j.kind() == RunPlan.Kind.PGBENCH)
                .forEach(j -> jobSizes.add(j.workloads().size()));
        assertThat(jobSizes).containsExactly(5, 3, 5, 1, 1);
    }

    /** Each measured pair runs exactly once per round, every job holds one kind, and nothing left out runs. */
    @Test
    void everyMeasuredPair_runsExactlyOncePerRound() {
        for (String[] args : List.of(new String[] {"--quick", "--no-postgres"}, new String[] {"--no-postgres"})) {
            CompareOptions options = CompareOptions.parse(args);
            BiPredicate<String, Workload> measured = measured(options);
            List<RunPlan.Job> jobs = RunPlan.round(options.targets(), options.workloads(), measured);
            Set<String> seen = new HashSet<>();
            for (RunPlan.Job j : jobs) {
                assertThat(j.workloads()).isNotEmpty();
                for (Workload w : j.workloads()) {
                    assertThat(RunPlan.Kind.of(w)).isEqualTo(j.kind());
                    assertThat(measured.test(j.target(), w)).isTrue();
                    assertThat(seen.add(j.target() + "/" + w.id())).as(j.target() + "/" + w.id()).isTrue();
                }
            }
            long pairs = options.targets().stream().mapToLong(t -> options.workloads().stream()
                    .filter(w -> measured.test(t, Workload.byId(w))).count()).sum();
            assertThat(seen).hasSize((int) pairs);
        }
    }

    @Test
    void kinds_sharingAndElapsedLabel() {
        assertThat(RunPlan.Kind.of(Workload.JOIN)).isEqualTo(RunPlan.Kind.READS);
        assertThat(RunPlan.Kind.of(Workload.DURABLE_4)).isEqualTo(RunPlan.Kind.WRITES);
        assertThat(RunPlan.Kind.of(Workload.PGBENCH_TPCB_1)).isEqualTo(RunPlan.Kind.PGBENCH);
        assertThat(RunPlan.Kind.WRITES.sharesInstance()).isFalse();
        assertThat(RunPlan.Kind.READS.sharesInstance()).isTrue();
        assertThat(RunPlan.Kind.READS.elapsedLabel(List.of("point-select", "insert-autocommit", "join")))
                .startsWith("reads (point-select, join; ");
    }

    /** Each JVM commits and touches its whole heap (~6.6 s of CPU per GB here): the quick run's is smaller. */
    @Test
    void heapFlags_fitTheScale() {
        assertThat(CompareMain.heapFlags(Scale.quick())).containsExactly("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch");
        assertThat(CompareMain.heapFlags(Scale.full())).containsExactly("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");
    }

    @Test
    void reportOrder_byWorkloadThenTargetThenRound() {
        CompareOptions options = CompareOptions.parse(new String[] {"--no-postgres", "--targets", "helios-mem,h2-mem",
                "--workloads", "point-select,insert-autocommit"});
        List<RunResult> runs = List.of(
                RunResult.notApplicable("h2-mem", "insert-autocommit", 1, "x"),
                RunResult.notApplicable("helios-mem", "insert-autocommit", 1, "x"),
                RunResult.notApplicable("h2-mem", "point-select", 2, "x"),
                RunResult.notApplicable("h2-mem", "point-select", 1, "x"),
                RunResult.notApplicable("helios-mem", "point-select", 1, "x"));
        assertThat(CompareMain.reportOrder(runs, options).stream().map(r -> r.workload() + "/" + r.target() + "/"
                + r.round()).toList()).containsExactly("point-select/helios-mem/1", "point-select/h2-mem/1",
                "point-select/h2-mem/2", "insert-autocommit/helios-mem/1", "insert-autocommit/h2-mem/1");
    }
}
