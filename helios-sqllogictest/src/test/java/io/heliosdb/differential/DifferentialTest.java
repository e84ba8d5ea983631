package io.heliosdb.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the statements of each {@code differential/*.sql} file on an in-memory HeliosDB and compares the
 * output with {@code *.expected}, recorded from real PostgreSQL 15 by {@code differential/record.sh}.
 * A difference fails the test unless {@code known-differences.tsv} lists it (with its reason); a listed
 * difference that no longer differs fails too, so the list stays true.
 */
class DifferentialTest {
    /** Every {@code *.sql} file of the directory runs: a new file cannot be forgotten in a list. */
    static List<String> files() throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "differential");
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql"))
                    .map(n -> n.substring(0, n.length() - ".sql".length())).sorted().toList();
        }
    }

    /** Every difference of this run, as candidate lines for known-differences.tsv (written to target/). */
    private static final StringBuilder CANDIDATES = new StringBuilder();

    @AfterAll
    static void writeCandidates() throws IOException {
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("differential-differences.tsv"), CANDIDATES);
    }

    @TestFactory
    Stream<DynamicTest> differential() throws IOException {
        Map<String, String> known = KnownDifferences.load(read("known-differences.tsv"));
        List<String> files = files();
        assertThat(files).contains("nulls", "joins", "advanced");
        return files.stream().map(file -> DynamicTest.dynamicTest(file, () -> runFile(file, known)));
    }

    private static void runFile(String file, Map<String, String> known) {
        List<String> statements = StatementSplitter.split(read(file + ".sql"));
        List<ExpectedOutputs.Entry> expected = ExpectedOutputs.parse(read(file + ".expected"));
        assertThat(expected).as(file + ".expected is out of date: re-run record.sh").hasSize(statements.size());
        List<String> problems = new ArrayList<>();
        int passed = 0;
        try (HeliosDB db = HeliosDB.inMemory(); Session session = db.session()) {
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                String key = file + "\t" + StatementSplitter.oneLine(sql);
                String actual = run(session, sql);
                String want = expected.get(i).output();
                boolean same = actual.equals(want);
                if (same) {
                    passed++;
                }
                if (!same) {
                    CANDIDATES.append(key).append("\t").append(want.replace("\n", " / ")).append(" <> ")
                            .append(actual.replace("\n", " / ")).append('\n');
                }
                if (!same && !known.containsKey(key)) {
                    problems.add("differs: " + sql + "\n  PostgreSQL: " + want.replace("\n", "\n              ")
                            + "\n  HeliosDB:   " + actual.replace("\n", "\n              "));
                } else if (same && known.containsKey(key)) {
                    problems.add("listed as a known difference but now matches: " + key);
                }
            }
        }
        System.out.printf("[differential] %-12s %d of %d statements match PostgreSQL 15%n", file, passed,
                statements.size());
        assertThat(problems).as(file + ".sql").isEmpty();
    }

    /**
     * The entry's output as psql prints it with {@code -A -t -F '|' -P null=NULL}: every statement of the
     * entry in turn (psql 15 shows each result of a multi-statement {@code -c}), stopping at an error.
     * Each entry is its own psql connection there, so an open transaction and cursors end with it here.
     */
    static String run(Session session, String sql) {
        StringBuilder out = new StringBuilder();
        try {
            if (COPY_TO_STDOUT.matcher(sql).lookingAt()) {
                // psql prints the data lines only, no COPY tag.
                java.io.StringWriter data = new java.io.StringWriter();
                session.copyOut(sql, data);
                out.append(data);
            } else {
                var results = session.executeScript(sql);
                while (results.hasNext()) {
                    out.append(print(results.next()));   // a result that fails part-way prints nothing, as in psql
                }
            }
        } catch (HeliosException e) {
            out.append("ERROR: ").append(e.sqlState().code()).append('\n');
        } catch (RuntimeException e) {
            out.append("CRASH: ").append(e).append('\n');
        } finally {
            endConnection(session);
        }
        // psql drops empty lines (an empty one-column row) in the recorder's sed, so do the same here.
        return out.toString().lines().filter(l -> !l.isEmpty()).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static final java.util.regex.Pattern COPY_TO_STDOUT = java.util.regex.Pattern.compile(
            "\\s*COPY\\b[^;]*\\bTO\\s+STDOUT\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static String print(QueryResult result) {
        StringBuilder out = new StringBuilder();
        try (result) {
            while (result.next()) {
                var row = result.row();
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < row.size(); c++) {
                    String text = row.getText(c);
                    line.append(c == 0 ? "" : "|").append(text == null ? "NULL" : text);
                }
                out.append(line).append('\n');
            }
            String tag = result.commandTag();
            // psql prints no status line for results with rows (FETCH among them), but for SELECT's kin it never does.
            if (!tag.startsWith("SELECT") && !tag.equals("SHOW") && !(tag.startsWith("FETCH") && result.returnsRows())) {
                out.append(tag).append('\n');
            }
        }
        return out.toString();
    }

    /** What psql's exit does to the session: an open transaction rolls back, cursors close. */
    private static void endConnection(Session session) {
        try {
            if (session.transactionStatus() != io.heliosdb.api.TransactionStatus.IDLE) {
                session.execute("ROLLBACK").close();
            }
            session.execute("CLOSE ALL").close();
        } catch (RuntimeException e) {
            // nothing was open
        }
    }

    static String read(String name) {
        try (InputStream in = DifferentialTest.class.getResourceAsStream("/differential/" + name)) {
            assertThat(in).as("resource differential/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
