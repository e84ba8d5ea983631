package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private final List<Summary> summaries = Summary.of(List.of(
            new RunResult("helios-mem", "point-select", 1, "ok", 2000, 5, 40, 300, 64, ""),
            new RunResult("h2-mem", "point-select", 1, "ok", 1000, 9, 70, 200, 80, ""),
            RunResult.notApplicable("duckdb-mem", "point-select", 1, "analytics only")));

    @Test
    void resultLine_roundTripsAndCleansTabs() {
        RunResult r = new RunResult("t", "w", 2, "error", Double.NaN, 1.5, 2.25, 3, 4, "bad\tthing\nhere");
        RunResult back = RunResult.parseLine(r.toLine());
        assertThat(back.round()).isEqualTo(2);
        assertThat(back.opsPerSec()).isNaN();
        assertThat(back.p99Micros()).isEqualTo(2.25);
        assertThat(back.note()).isEqualTo("bad thing here");
        assertThatThrownBy(() -> RunResult.parseLine("noise")).isInstanceOf(IllegalArgumentException.class);
        RunResult hybrid = RunResult.parseLine(new RunResult("h", "zipf-point-select", 1, "ok", 10, 1, 2, 3, 4, 512.5,
                0.875, "").toLine());
        assertThat(hybrid.peakRssMb()).isEqualTo(512.5);
        assertThat(hybrid.hitRate()).isEqualTo(0.875);
        assertThat(hybrid.cpuMicrosPerOp()).isNaN();
        RunResult withCpu = RunResult.parseLine(new RunResult("h", "zipf-point-select", 1, "ok", 10, 1, 2, 3, 4, 512.5,
                0.875, "").withCpuMicrosPerOp(41.625).toLine());
        assertThat(withCpu.cpuMicrosPerOp()).isEqualTo(41.625);
    }

    /** The zipfian table shows each system's process CPU per operation beside its ops/s; other tables do not. */
    @Test
    void markdown_showsCpuPerOpWhereAWorkloadReportsIt() {
        List<Summary> zipf = Summary.of(List.of(
                new RunResult("helios-hybrid-compact", "zipf-point-select", 1, "ok", 20_000, 40, 90, 300, 64, 512, 0.74,
                        "").withCpuMicrosPerOp(41.6),
                new RunResult("helios-hybrid-compact", "zipf-point-select", 2, "ok", 21_000, 40, 90, 300, 64, 512, 0.74,
                        "").withCpuMicrosPerOp(45.2),
                new RunResult("helios-server-rocks", "zipf-point-select", 1, "ok", 18_000, 50, 99, 300, 64, 512,
                        Double.NaN, "").withCpuMicrosPerOp(52.0),
                new RunResult("helios-mem", "point-select", 1, "ok", 2000, 5, 40, 300, 64, "")));
        assertThat(zipf.get(0).cpuMicrosPerOp()).isCloseTo(43.4, org.assertj.core.data.Offset.offset(1e-9));
        String md = MarkdownReport.render(new ReportContext("t", "m", List.of(), List.of(), List.of(), List.of()), zipf);
        String zipfTable = md.substring(md.indexOf("## zipf-point-select"), md.indexOf("## point-select"));
        assertThat(zipfTable).contains("process CPU µs/op").contains("| 43.4 |").contains("| 52.0 |");
        assertThat(md.substring(md.indexOf("## point-select"))).doesNotContain("process CPU");
        assertThat(CsvReport.render(List.of("helios-hybrid-compact"), zipf)).contains("cpu_us_per_op")
                .contains(",43.4000,");
    }

    @Test
    void zipfKeys_areSkewedAndInRange() {
        ZipfKeys keys = new ZipfKeys(10_000, 1);
        int[] counts = new int[10_000];
        for (int i = 0; i < 100_000; i++) {
            counts[keys.next()]++;
        }
        int[] sorted = java.util.Arrays.stream(counts).sorted().toArray();
        long hottestTenth = java.util.Arrays.stream(sorted, 9_000, 10_000).sum();
        assertThat(hottestTenth).isGreaterThan(60_000); // a tenth of the keys take most reads
    }

    @Test
    void csv_hasRatioColumnPerSystemAndBlanksForNotApplicable() {
        String csv = CsvReport.render(List.of("helios-mem", "h2-mem", "duckdb-mem"), summaries);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).endsWith(",ratio_vs_helios-mem,ratio_vs_h2-mem,ratio_vs_duckdb-mem");
        assertThat(lines.get(1)).startsWith("point-select,helios-mem,ok,1,2000.0000,2000.0000,2000.0000,")
                .endsWith(",,1.0000,2.0000,");
        assertThat(lines.get(2)).endsWith(",0.5000,1.0000,");
        assertThat(lines.get(3)).startsWith("point-select,duckdb-mem,n/a,0,,").endsWith("analytics only,,,,");
        assertThat(CsvReport.field("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
    }

    @Test
    void markdown_showsRatiosToEachPeerAndNotApplicableRows() {
        ReportContext context = new ReportContext("Run", "2 cores", List.of("quick"),
                List.of(TargetCatalog.byId("helios-mem", 0), TargetCatalog.byId("h2-mem", 0)));
        String md = MarkdownReport.render(context, summaries);
        assertThat(md).contains("# Run", "Machine: 2 cores", "| helios-mem | HeliosDB embedded API, Memory-only |",
                "| point select, Memory-only >= 2x H2 in-memory | 2.00× | met |",
                "| system | median ops/s | min–max ops/s | p50 µs | p99 µs | start-up ms | peak heap MB |"
                        + " peak RSS MB | cache hit rate | × helios-mem | × h2-mem |",
                "| helios-mem | 2,000 | 2,000–2,000 | 5.00 | 40.0 | 300 | 64.0 | – | – | 1 | 2.00× |",
                "| h2-mem | 1,000 | 1,000–1,000 | 9.00 | 70.0 | 200 | 80.0 | – | – | 0.50× | 1 |",
                "| duckdb-mem | n/a (analytics only) |");
    }

    @Test
    void options_quickPicksSubsetAndRejectsUnknownNames() {
        CompareOptions quick = CompareOptions.parse(new String[] {"--quick", "--rounds", "4", "--no-postgres"});
        assertThat(quick.scale().name()).isEqualTo("quick");
        assertThat(quick.scale().rounds()).isEqualTo(4);
        assertThat(quick.workloads()).isEqualTo(CompareOptions.QUICK_WORKLOADS);
        assertThat(quick.postgres()).isFalse();
        assertThat(CompareOptions.parse(new String[] {"--quick"}).scale().rounds()).isEqualTo(3);
        assertThat(CompareOptions.parse(new String[0]).workloads()).hasSize(Workload.values().length);
        assertThatThrownBy(() -> CompareOptions.parse(new String[] {"--targets", "oracle"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown target");
    }

    @Test
    void pacing_minimumCountsPerKindAndRowsPerOperation() {
        assertThat(Pacing.of(Scale.quick(), Workload.SCAN_AGGREGATE)).isEqualTo(new Pacing(500, 50, 500, 5, 8_000));
        assertThat(Pacing.of(Scale.quick(), Workload.POINT_SELECT).warmupOps()).isEqualTo(200_000);
        assertThat(Pacing.of(Scale.full(), Workload.POINT_SELECT).warmupOps()).isEqualTo(500_000);
        assertThat(Pacing.of(Scale.full(), Workload.TX_1000).warmupOps()).isEqualTo(500);
        assertThat(Pacing.of(Scale.full(), Workload.DURABLE_16).measureOps()).isEqualTo(500);
        // The JIT needs thousands of commits even where each waits for the disk.
        assertThat(Pacing.of(Scale.quick(), Workload.DURABLE_1).warmupOps()).isEqualTo(5_000);
        // An in-memory autocommit insert ran the durable count in a tenth of a second, half compiled: its count is
        // the OLTP one, its quiet the durable one.
        assertThat(Pacing.of(Scale.full(), Workload.INSERT_AUTOCOMMIT).warmupOps()).isEqualTo(500_000);
        assertThat(Pacing.of(Scale.full(), Workload.INSERT_AUTOCOMMIT).capMillis()).isEqualTo(4_000);
        assertThat(Pacing.of(Scale.full(), Workload.INSERT_AUTOCOMMIT).quietOps()).isEqualTo(5_000);
        // What compiles a scan loop is rows scanned: three scans of 1M rows, fifty of 20k.
        assertThat(Pacing.of(Scale.full(), Workload.SCAN_AGGREGATE).warmupOps()).isEqualTo(3);
        assertThat(new Pacing(1_500, 20_000, 2_000, 10, 1).describe())
                .isEqualTo("warm-up until both 1500 ms and 20,000 ops (or 500 ms and 20,000 ops while the JIT has nothing "
                        + "queued), then measured until both 2 s and 10 ops");
    }

    @Test
    void pacingNotes_oneLinePerRuleNamingItsWorkloads() {
        CompareOptions quick = CompareOptions.parse(new String[] {"--quick", "--no-postgres"});
        assertThat(CompareMain.pacingNotes(quick)).contains(
                "oltp (point-select): warm-up until 500 ms and either 200,000 ops or 20,000 ops"
                        + " with the JIT quiet (compiling at most 5% of the time), then measured until both 500 ms and"
                        + " 1,000 ops, each phase capped at 8 s; the same rule for every system",
                "oltp (insert-autocommit): warm-up until 500 ms and either 200,000 ops or 2,500 ops with the JIT"
                        + " quiet (compiling at most 5% of the time), then measured until both 500 ms and 200 ops,"
                        + " each phase capped at 4 s; the same rule for every system",
                "oltp (zipf-point-select): warm-up until 500 ms and both the JIT quiet (compiling at most 5% of the"
                        + " time over 20,000 ops) and the hit rate of the memory the reads are served from (Hybrid's"
                        + " row cache, the block cache elsewhere) level (windows of 20,000 ops, the last within 0.50"
                        + " point of the one before), then measured until both 500 ms and 1,000 ops, in a window in"
                        + " which the JIT compiled at most 5% of the time (else measured again, at most 2 more"
                        + " windows), each phase capped at 8 s; the same rule for every system");
        assertThat(CompareMain.pacingNotes(quick)).anyMatch(n -> n.startsWith("zipf-point-select runs every system "
                + "within one memory budget, a tenth of the data"));
    }

    @Test
    void measurement_phasesEndOnTheLaterOfTimeAndCount() throws Exception {
        java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();
        Workload.Operation op = runs::incrementAndGet;
        Measurement.Outcome byCount = Measurement.run(List.of(op, op), new Pacing(0, 5_000, 0, 3_000, 10_000));
        assertThat(byCount.warmupOps()).isGreaterThanOrEqualTo(5_000);
        assertThat(byCount.operations()).isGreaterThanOrEqualTo(3_000);
        assertThat(runs.get()).isEqualTo(byCount.warmupOps() + byCount.operations());
        Measurement.Outcome byTime = Measurement.run(List.of(op), new Pacing(40, 1, 30, 1, 10_000));
        assertThat(byTime.warmupNanos()).isGreaterThanOrEqualTo(40_000_000L);
        assertThat(byTime.nanos()).isGreaterThanOrEqualTo(30_000_000L);
        Measurement.Outcome capped = Measurement.run(List.of(op), new Pacing(0, Long.MAX_VALUE, 0, Long.MAX_VALUE, 20));
        assertThat(capped.warmupNanos()).isBetween(20_000_000L, 5_000_000_000L);
    }

    @Test
    void heliosClient_translatesQuestionMarksToDollarParameters() {
        assertThat(HeliosClient.dollarParameters("SELECT a FROM t WHERE id BETWEEN ? AND ?"))
                .isEqualTo("SELECT a FROM t WHERE id BETWEEN $1 AND $2");
    }
}
