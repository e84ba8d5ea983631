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

/**
 * EXPLAIN: one text column {@code QUERY PLAN}, a row per line of {@link ExplainText}. ANALYZE also runs the
 * statement (its rows are read and dropped, its changes kept, as in PostgreSQL) and adds the planning and
 * execution times; per-node actual row counts are not collected.
 */
final class ExplainStatement {
    private static final List<Column> COLUMNS = List.of(new Column("QUERY PLAN", SqlType.TEXT));

    private ExplainStatement() {
    }

    static StatementPlan compile(BoundStatement.Explain explain, StatementPlan inner, String sql,
                                 List<SqlType> parameterTypes) {
        List<String> lines = lines(explain.statement());
        StatementBody body = ((CompiledStatement) inner).body();
        boolean analyze = explain.analyze();
        return new CompiledStatement(sql, parameterTypes, COLUMNS, null, !analyze || inner.readOnly(), false, rt -> {
            List<String> out = new ArrayList<>(lines);
            if (analyze) {
                long start = System.nanoTime();
                try (StatementResult result = body.run(rt)) {
                    while (result.next()) {
                        rt.context().checkCancelled();
                    }
                }
                double millis = (System.nanoTime() - start) / 1e6;
                out.add("Planning Time: 0.000 ms");
                out.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", millis));
            }
            List<Object[]> rows = out.stream().map(line -> new Object[] {line}).toList();
            return Results.rows(COLUMNS, rows, rows.size(), "EXPLAIN");
        });
    }

    private static List<String> lines(BoundStatement statement) {
        if (statement instanceof BoundStatement.Query q) {
            return ExplainText.of(q.plan());
        } else if (statement instanceof BoundStatement.Insert i) {
            return modification("Insert on " + i.table().name(), i.source());
        } else if (statement instanceof BoundStatement.Update u) {
            return modification("Update on " + u.table().name(), u.target());
        } else if (statement instanceof BoundStatement.Delete d) {
            return modification("Delete on " + d.table().name(), d.target());
        }
        throw new HeliosException(SqlState.SYNTAX_ERROR, "EXPLAIN is only available for SELECT, INSERT, UPDATE and DELETE");
    }

    /** The modification's line over its input's plan, indented as PostgreSQL shows a child. */
    private static List<String> modification(String title, LogicalPlan input) {
        List<String> out = new ArrayList<>();
        out.add(title);
        List<String> child = ExplainText.of(input);
        out.add("  ->  " + child.get(0));
        for (String line : child.subList(1, child.size())) {
            out.add("      " + line);
        }
        return out;
    }
}
