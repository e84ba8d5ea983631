package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.plan.ExplainText;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * EXPLAIN: one text column {@code QUERY PLAN}, a row per line of {@link ExplainText}. ANALYZE also runs the
 * statement (its rows are read and dropped, its changes kept, as in PostgreSQL), adds each node's
 * {@code (actual rows=N loops=M)} ({@link NodeCounters}) and the planning and execution times.
 */
final class ExplainStatement {
    private static final List<Column> COLUMNS = List.of(new Column("QUERY PLAN", SqlType.TEXT));

    private ExplainStatement() {
    }

    static StatementPlan compile(BoundStatement.Explain explain, StatementPlan inner,
                                 Map<Object, long[]> counters, String sql, List<SqlType> parameterTypes) {
        List<String> lines = lines(explain.statement(), null, 0);
        StatementBody body = ((CompiledStatement) inner).body();
        boolean analyze = explain.analyze();
        return new CompiledStatement(sql, parameterTypes, COLUMNS, null, !analyze || inner.readOnly(), false, rt -> {
            List<String> out = lines;
            if (analyze) {
                counters.values().forEach(c -> java.util.Arrays.fill(c, 0));
                long start = System.nanoTime();
                long returned = 0;
                try (StatementResult result = body.run(rt)) {
                    while (result.next()) {
                        rt.context().checkCancelled();
                        returned++;
                    }
                }
                double millis = (System.nanoTime() - start) / 1e6;
                out = new ArrayList<>(lines(explain.statement(), counters::get, returned));
                out.add("Planning Time: 0.000 ms");
                out.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", millis));
            }
            List<Object[]> rows = out.stream().map(line -> new Object[] {line}).toList();
            return Results.rows(COLUMNS, rows, rows.size(), "EXPLAIN");
        });
    }

    /**
     * @param actuals  each node's {rows, loops} after an ANALYZE run, or null for plain EXPLAIN
     * @param returned the rows a modification returned (its own actual rows, as PostgreSQL counts them)
     */
    private static List<String> lines(BoundStatement statement, Function<Object, long[]> actuals, long returned) {
        String self = actuals == null ? "" : ExplainText.actual(new long[] {returned, 1});
        if (statement instanceof BoundStatement.Query q) {
            return ExplainText.of(q.plan(), plans(actuals));
        } else if (statement instanceof BoundStatement.Insert i) {
            return modification("Insert on " + i.table().name() + self, i.source(), actuals);
        } else if (statement instanceof BoundStatement.Update u) {
            return modification("Update on " + u.table().name() + self, u.target(), actuals);
        } else if (statement instanceof BoundStatement.Delete d) {
            return modification("Delete on " + d.table().name() + self, d.target(), actuals);
        } else if (statement instanceof BoundStatement.DataModifyingWith w) {
            // As PostgreSQL: each data-modifying WITH query as an init plan "CTE name" under the statement's node.
            List<String> out = withoutStandIns(lines(w.body(), actuals, returned), w.names());
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < w.steps().size(); i++) {
                steps.add("  CTE " + w.names().get(i));
                BoundStatement stepStatement = w.steps().get(i);
                long[] stepCounts = actuals == null ? null : actuals.apply(stepStatement);
                // A step that returned rows is read by the statement; its own line counts them (0 without RETURNING).
                List<String> step = lines(stepStatement, actuals, stepCounts == null ? 0 : stepCounts[0]);
                steps.add("    ->  " + step.get(0));
                step.subList(1, step.size()).forEach(line -> steps.add("        " + line));
            }
            out.addAll(1, steps);
            return out;
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "EXPLAIN is only available for SELECT, INSERT, UPDATE and DELETE");
    }

    /**
     * The body's lines without the input shown under each {@code CTE Scan} of a step: that input only stands in
     * for the step's RETURNING rows (PostgreSQL shows the scan alone, the step under "CTE name").
     */
    private static List<String> withoutStandIns(List<String> body, List<String> stepNames) {
        List<String> out = new ArrayList<>();
        int skipDeeperThan = -1;
        for (String line : body) {
            int indent = line.length() - line.stripLeading().length();
            if (skipDeeperThan >= 0 && indent > skipDeeperThan) {
                continue;
            }
            skipDeeperThan = -1;
            out.add(line);
            String node = line.strip().startsWith("->  ") ? line.strip().substring(4) : line.strip();
            for (String name : stepNames) {
                if (node.equals("CTE Scan on " + name) || node.startsWith("CTE Scan on " + name + " ")) {
                    skipDeeperThan = indent;
                }
            }
        }
        return out;
    }

    private static Function<LogicalPlan, long[]> plans(Function<Object, long[]> actuals) {
        return actuals == null ? null : actuals::apply;
    }

    /** The modification's line over its input's plan, indented as PostgreSQL shows a child. */
    private static List<String> modification(String title, LogicalPlan input, Function<Object, long[]> actuals) {
        List<String> out = new ArrayList<>();
        out.add(title);
        List<String> child = ExplainText.of(input, plans(actuals));
        out.add("  ->  " + child.get(0));
        for (String line : child.subList(1, child.size())) {
            out.add("      " + line);
        }
        return out;
    }
}
