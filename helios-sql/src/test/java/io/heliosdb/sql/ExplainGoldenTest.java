package io.heliosdb.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files under resources/explain: blocks separated by blank lines, each a statement followed by
 * the expected result lines as {@code -- } comments (none: the statement just has to succeed); comments
 * before the statement are notes. EXPLAIN ANALYZE's planning and execution time lines are left out.
 */
class ExplainGoldenTest {

    static Stream<String> files() {
        return Stream.of("scans.sql", "joins.sql", "operators.sql", "new_nodes.sql");
    }

    @ParameterizedTest
    @MethodSource("files")
    void explainOutput_matchesTheGoldenFile(String file) throws IOException {
        String text;
        try (InputStream in = ExplainGoldenTest.class.getResourceAsStream("/explain/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        InMemoryContext ctx = new InMemoryContext();
        for (String block : text.split("\n\\s*\n")) {
            StringBuilder sql = new StringBuilder();
            List<String> expected = new ArrayList<>();
            for (String line : block.split("\n")) {
                if (line.startsWith("-- ") && !sql.isEmpty()) {
                    expected.add(line.substring(3));
                } else if (!line.startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            if (sql.toString().isBlank()) {
                continue;
            }
            List<String> actual = new ArrayList<>();
            ParsedStatement parsed = SqlEngine.parse(sql.toString()).get(0);
            try (StatementResult r = SqlEngine.plan(parsed, ctx, List.of()).execute(ctx, new Object[0])) {
                while (r.next()) {
                    String line = String.valueOf(r.row()[0]);
                    // EXPLAIN ANALYZE's times vary from run to run; its row counts do not.
                    if (!line.startsWith("Planning Time:") && !line.startsWith("Execution Time:")) {
                        actual.add(line);
                    }
                }
            }
            if (!expected.isEmpty()) {
                assertThat(String.join("\n", actual)).as(file + ": " + sql).isEqualTo(String.join("\n", expected));
            }
        }
    }
}
