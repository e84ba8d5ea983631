package io.heliosdb.sql;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs an H2-style script: each statement ends with ";" at a line end, followed by its expected
 * output on lines starting with "> ": a header "name:type | ...", rows "v | ...", then the tag;
 * or "ERROR code: message" (add " @n" to check the 1-based position). Lines starting with "#"
 * are comments. Statements run against a fresh {@link InMemoryContext}.
 */
final class ScriptRunner {
    final InMemoryContext context = new InMemoryContext();

    /** Runs the resource script and returns one description per mismatch. */
    List<String> run(String resource) throws IOException {
        String text;
        try (InputStream in = ScriptRunner.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> failures = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder statement = new StringBuilder();
        int statementLine = 0;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (statement.length() == 0 && (line.isBlank() || line.startsWith("#"))) {
                i++;
                continue;
            }
            if (statement.length() == 0) {
                statementLine = i + 1;
            }
            statement.append(line).append('\n');
            i++;
            if (!line.stripTrailing().endsWith(";")) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            while (i < lines.length && lines[i].startsWith(">")) {
                expected.add(lines[i].substring(1).strip());
                i++;
            }
            String sql = statement.toString().strip();
            statement.setLength(0);
            boolean withPosition = expected.stream().anyMatch(e -> e.startsWith("ERROR") && e.matches(".* @\\d+$"));
            List<String> actual = execute(sql, withPosition);
            if (!expected.equals(actual) && !errorCodeMatches(expected, actual)) {
                failures.add(resource + ":" + statementLine + ": " + sql + "\n  expected: " + expected + "\n  actual:   " + actual);
            }
        }
        return failures;
    }

    private static boolean errorCodeMatches(List<String> expected, List<String> actual) {
        return expected.size() == 1 && actual.size() == 1 && expected.get(0).matches("ERROR \\w{5}")
                && actual.get(0).startsWith(expected.get(0) + ":");
    }

    List<String> execute(String sql, boolean withPosition) {
        List<String> out = new ArrayList<>();
        try {
            for (ParsedStatement parsed : SqlEngine.parse(sql)) {
                StatementPlan plan = SqlEngine.plan(parsed, context, List.of());
                // Like psql, a statement that fails part-way shows only its error.
                List<String> rendered = new ArrayList<>();
                try (StatementResult result = plan.execute(context, new Object[0])) {
                    render(result, rendered);
                }
                out.addAll(rendered);
            }
        } catch (HeliosException e) {
            out.add("ERROR " + e.sqlState().code() + ": " + e.getMessage() + (withPosition ? " @" + e.position() : ""));
        }
        return out;
    }

    static void render(StatementResult result, List<String> out) {
        List<Column> columns = result.columns();
        if (!columns.isEmpty()) {
            List<String> header = new ArrayList<>();
            for (Column c : columns) {
                header.add(c.name() + ":" + c.type().pgName());
            }
            out.add(String.join(" | ", header));
            while (result.next()) {
                Object[] row = result.row();
                List<String> cells = new ArrayList<>();
                for (int k = 0; k < columns.size(); k++) {
                    Object v = row[k];
                    if (v != null && !columns.get(k).type().javaClass().isInstance(v)) {
                        throw new AssertionError("column " + columns.get(k) + " holds a " + v.getClass().getName());
                    }
                    cells.add(v == null ? "NULL" : columns.get(k).type().format(v));
                }
                out.add(String.join(" | ", cells));
            }
        }
        out.add(result.commandTag());
    }
}
