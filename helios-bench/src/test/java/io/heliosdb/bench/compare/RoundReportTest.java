package io.heliosdb.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundReportTest {
    @TempDir
    Path out;

    @Test
    void write_afterEachRound_marksAPartialReportUntilTheLastRound() throws Exception {
        Path kept = out.resolve("REPORT.md");
        CompareOptions options = CompareOptions.parse(new String[] {"--quick", "--rounds", "2", "--targets",
                "sqlite-mem,duckdb-mem", "--workloads", "scan-aggregate", "--no-postgres", "--out", out.toString(),
                "--report", kept.toString()});
        RoundReport report = new RoundReport(options, "stamp", System.nanoTime(), "0.00", new Elapsed.Clock(),
                List.of(), 0);
        List<RunResult> runs = new ArrayList<>(List.of(
                new RunResult("sqlite-mem", "scan-aggregate", 1, "ok", 100, 5, 9, 300, 20, 90, Double.NaN, ""),
                new RunResult("duckdb-mem", "scan-aggregate", 1, "ok", 900, 1, 2, 300, 20, 90, Double.NaN, "")));

        String first = report.write(runs, 1);
        assertThat(first).contains("PARTIAL: 1 of 2 rounds completed");
        assertThat(Files.readString(out.resolve("stamp.md"))).isEqualTo(first);
        assertThat(Files.readString(kept)).isEqualTo(first);
        assertThat(Files.readString(out.resolve("stamp.csv"))).contains("sqlite-mem");

        runs.add(new RunResult("sqlite-mem", "scan-aggregate", 2, "ok", 300, 5, 9, 300, 20, 90, Double.NaN, ""));
        runs.add(new RunResult("duckdb-mem", "scan-aggregate", 2, "ok", 900, 1, 2, 300, 20, 90, Double.NaN, ""));
        String last = report.write(runs, 2);
        assertThat(last).doesNotContain("PARTIAL");
        assertThat(Files.readString(kept)).isEqualTo(last);
        // The median moved with the second round: sqlite-mem's min-max now spans both rounds.
        assertThat(last).contains("100–300");
    }
}
