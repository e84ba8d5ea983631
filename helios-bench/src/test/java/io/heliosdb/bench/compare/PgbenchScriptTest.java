package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchScriptTest {

    @Test
    void workloads_coverSelectOnlyInBothModesAndTpcbAtOneAndEightClients() {
        assertThat(Workload.byId("pgbench-select-prepared-8").pgbench().runArgs(3))
                .containsExactly("-S", "-M", "prepared", "-c", "8", "-j", "2", "-T", "3", "-n");
        assertThat(Workload.byId("pgbench-select-simple-1").pgbench().runArgs(5))
                .containsExactly("-S", "-M", "simple", "-c", "1", "-j", "1", "-T", "5", "-n");
        assertThat(Workload.byId("pgbench-tpcb-8").pgbench().runArgs(10)).doesNotContain("-S").contains("-c", "8");
        List<Workload> pgbench = Arrays.stream(Workload.values()).filter(w -> w.pgbench() != null).toList();
        assertThat(pgbench).hasSize(6).allMatch(w -> w.kind() == Workload.Kind.PGBENCH);
        assertThat(Workload.POINT_SELECT.pgbench()).isNull();
    }

    @Test
    void scaleFactor_followsTheHarnessTableSize() {
        assertThat(PgbenchScript.scaleFactor(Scale.quick())).isEqualTo(1);
        assertThat(PgbenchScript.scaleFactor(Scale.full())).isEqualTo(5);
    }

    @Test
    void pacing_warmsUpUntilTheJitIsQuietAndMeasuresWholeSeconds() {
        Pacing p = Pacing.of(Scale.quick(), Workload.PGBENCH_TPCB_8);
        assertThat(p.warmupOps()).isZero();
        assertThat(p.measureOps()).isZero();
        assertThat(p.measureMillis() % 1000).isZero();
        assertThat(p.describe()).isEqualTo("pgbench -T: one warm-up run of at least 1 s, stopped once the JIT of the "
                + "JVM hosting the server has been quiet (compiling at most 5% of the time) during the last 20,000 "
                + "statements and 1 s (and its queue is empty), then measured 1 s");
    }

    @Test
    void targets_onlyPostgresProtocolDurableSystemsRunPgbench() {
        Workload w = Workload.PGBENCH_SELECT_PREPARED_8;
        assertThat(TargetCatalog.byId("helios-mem", 0).notApplicable(w)).isEqualTo(PgbenchScript.NEEDS_WIRE);
        assertThat(TargetCatalog.byId("sqlite-file", 0).notApplicable(w)).isEqualTo(PgbenchScript.NEEDS_WIRE);
        assertThat(TargetCatalog.byId("h2-file", 0).notApplicable(w)).isEqualTo(PgbenchScript.NEEDS_WIRE);
        assertThat(TargetCatalog.byId("helios-server-mem", 0).notApplicable(w)).isEqualTo("not durable");
        assertThat(TargetCatalog.byId("postgres", 0).notApplicable(w)).isEqualTo("PostgreSQL not running");
        assertThat(TargetCatalog.byId("helios-hybrid-chronicle", 0).notApplicable(w)).contains("compact");
        assertThat(TargetCatalog.byId("helios-launcher", 0).notApplicable(Workload.PGBENCH_TPCB_1))
                .isIn("not durable", "helios-cli is not packaged (run mvn install)");
    }

    @Test
    void binary_prefersThePostgresBinDirThenPath(@TempDir Path dir) throws IOException {
        Path pgBin = Files.createDirectories(dir.resolve("pg15"));
        Path onPath = Files.createDirectories(dir.resolve("bin"));
        assertThat(PgbenchBinary.find(pgBin, onPath.toString())).isNull();
        Path fallback = executable(onPath.resolve("pgbench"));
        assertThat(PgbenchBinary.find(pgBin, dir.resolve("nothing") + ":" + onPath)).isEqualTo(fallback);
        Path own = executable(pgBin.resolve("pgbench"));
        assertThat(PgbenchBinary.find(pgBin, onPath.toString())).isEqualTo(own);
    }

    @Test
    void report_judgesTheIssueTargetsAndLabelsTheLatencyAverage() {
        List<Summary> run = Summary.of(List.of(
                new RunResult("helios-server-rocks", "pgbench-tpcb-8", 1, "ok", 3000, 2500, Double.NaN, 900, 200, ""),
                new RunResult("postgres", "pgbench-tpcb-8", 1, "ok", 1500, 5000, Double.NaN, 50, 30, ""),
                RunResult.error("helios-server-rocks", "pgbench-select-prepared-8", 1,
                        "pgbench reported 2 failed transaction(s)"),
                new RunResult("postgres", "pgbench-select-prepared-8", 1, "ok", 20000, 400, Double.NaN, 50, 30, "")));
        Goals tpcb = Goals.ALL.stream().filter(g -> g.text().startsWith("pgbench tpcb-like, 8 clients, durable, Server"))
                .findFirst().orElseThrow();
        assertThat(tpcb.ratio(run)).isEqualTo(2.0);
        assertThat(tpcb.verdict(run)).isEqualTo("met");
        Goals prepared = Goals.ALL.stream().filter(g -> g.text().startsWith("pgbench select-only prepared, 8 clients, "
                + "Server")).findFirst().orElseThrow();
        assertThat(prepared.verdict(run)).isEqualTo("n/a");
        String md = MarkdownReport.render(new ReportContext("Run", "2 cores", List.of(),
                List.of(TargetCatalog.byId("helios-server-rocks", 0), TargetCatalog.byId("postgres", 1))), run);
        assertThat(md).contains("| system | median tps | min–max tps | latency avg µs | p99 µs |",
                "| helios-server-rocks | 3,000 | 3,000–3,000 | 2,500 | – |",
                "| helios-server-rocks | error (pgbench reported 2 failed transaction(s)) |");
    }

    private static Path executable(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
