package io.heliosdb.sqllogictest;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the vendored corpus on the real kernel, in memory and on RocksDB, writes the pass-rate report to
 * target/PASS-RATE.md and fails when a file passes fewer records than the checked-in baseline.
 * {@code -Dslt.updateBaseline=true} raises the baseline and refreshes the checked-in PASS-RATE.md;
 * {@code -Dslt.files=select} runs only files whose path contains that text (no report update then).
 */
class SltCorpusTest {
    static final String ENGINE = "postgresql";
    /** Guards the suite against a query the engine cannot finish (it then fails, it does not hang). */
    private static final String STATEMENT_TIMEOUT_MS = "10000";

    private static final Map<String, List<FileOutcome>> OUTCOMES = new LinkedHashMap<>();
    private static Path moduleDir;
    private static Baseline baseline;

    @BeforeAll
    static void loadBaseline() throws IOException {
        moduleDir = Path.of(System.getProperty("basedir", "."));
        baseline = Baseline.load(moduleDir.resolve("slt-baseline.properties"));
    }

    @Test
    void corpus_inMemory() {
        runMode("memory", file -> true, dir -> HeliosDB.inMemory());
    }

    @Test
    void corpus_onRocksDb(@TempDir Path dir) {
        runMode("rocksdb", CorpusFile::onRocks, file -> HeliosDB.open(dir.resolve(file.replace('/', '_'))));
    }

    private static void runMode(String mode, java.util.function.Predicate<CorpusFile> include,
                                Function<String, HeliosDB> open) {
        String filter = System.getProperty("slt.files", "");
        List<FileOutcome> outcomes = new ArrayList<>();
        List<String> regressions = new ArrayList<>();
        SltRunner runner;
        for (CorpusFile file : CorpusFile.ALL) {
            if (!include.test(file) || !file.path().contains(filter)) {
                continue;
            }
            runner = new SltRunner(ENGINE, file.stride());
            List<SltRecord> records = SltScriptParser.parse(file.path(), read(file.path()));
            FileOutcome outcome;
            try (HeliosDB db = open.apply(file.path()); Session session = db.session()) {
                session.execute("SET statement_timeout = " + STATEMENT_TIMEOUT_MS).close();
                outcome = runner.run(file.path(), records, session);
            }
            outcomes.add(outcome);
            System.out.printf("[slt] %-8s %-40s passed %6d failed %6d skipped %6d not run %6d (%d ms)%n", mode,
                    file.path(), outcome.passed(), outcome.failed(), outcome.skipped(), outcome.notRun(),
                    outcome.millis());
            int minimum = baseline.minimum(file.key(mode));
            if (outcome.passed() < minimum) {
                regressions.add(file.key(mode) + ": passed " + outcome.passed() + " < baseline " + minimum);
            }
            baseline.raise(file.key(mode), outcome.passed());
        }
        synchronized (OUTCOMES) {
            OUTCOMES.put(mode, outcomes);
        }
        assertThat(regressions).as("files passing fewer records than slt-baseline.properties").isEmpty();
    }

    @AfterAll
    static void writeReport() throws IOException {
        Map<String, Integer> strides = new LinkedHashMap<>();
        CorpusFile.ALL.forEach(f -> strides.put(f.path(), f.stride()));
        Map<String, List<FileOutcome>> ordered = new LinkedHashMap<>();
        for (String mode : List.of("memory", "rocksdb")) {
            if (OUTCOMES.containsKey(mode)) {
                ordered.put(mode, OUTCOMES.get(mode));
            }
        }
        String report = PassRateReport.markdown(ordered, strides);
        Path target = moduleDir.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("PASS-RATE.md"), report);
        StringBuilder failures = new StringBuilder();
        ordered.forEach((mode, outcomes) -> outcomes.forEach(o -> o.failures().forEach(f -> failures.append(mode)
                .append(' ').append(o.file()).append(':').append(f.line()).append(' ').append(f.reason()).append('\n'))));
        Files.writeString(target.resolve("slt-failures.txt"), failures);
        boolean complete = System.getProperty("slt.files", "").isEmpty() && ordered.size() == 2;
        if (Boolean.getBoolean("slt.updateBaseline") && complete) {
            baseline.save();
            Files.writeString(moduleDir.resolve("PASS-RATE.md"), report);
        }
    }

    private static String read(String path) {
        try (InputStream in = SltCorpusTest.class.getResourceAsStream("/sqllogictest/" + path)) {
            assertThat(in).as("vendored file " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
