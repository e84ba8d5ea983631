package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.analyze.BoundStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement with data-modifying WITH queries, run as PostgreSQL runs it: every step once (also when nothing
 * reads it), in the order written, then the body; the body and later steps see a step's changes only through
 * its RETURNING rows, since all of them read the data as it was when the statement began
 * ({@link io.heliosdb.sql.ExecutionContext#frozenReads}). The kernel undoes the whole statement on an error.
 */
final class DataModifyingWithStatement {

    private DataModifyingWithStatement() {
    }

    static StatementPlan compile(BoundStatement.DataModifyingWith w, String sql, List<SqlType> parameterTypes) {
        List<StatementBody> steps = new ArrayList<>();
        List<long[]> counters = new ArrayList<>();   // each step's {rows, loops} under EXPLAIN ANALYZE, else nulls
        for (BoundStatement step : w.steps()) {
            steps.add(((CompiledStatement) StatementCompiler.compile(step, sql, parameterTypes)).body());
            counters.add(NodeCounters.stepCounter(step));
        }
        CompiledStatement body = (CompiledStatement) StatementCompiler.compile(w.body(), sql, parameterTypes);
        List<Object> tokens = w.tokens(); // held here, they keep the CTE Scans' shared states alive
        StatementBody main = body.body();
        return new CompiledStatement(sql, parameterTypes, body.columns(), null, false, false, rt -> {
            Runtime frozen = new Runtime(rt.context().frozenReads(), rt.params());
            for (int i = 0; i < steps.size(); i++) {
                List<Object[]> rows = new ArrayList<>();
                try (StatementResult result = steps.get(i).run(frozen)) {
                    while (result.next()) {
                        rows.add(result.row().clone());
                    }
                }
                long[] counted = counters.get(i);
                if (counted != null) {
                    counted[0] += rows.size();
                    counted[1]++;
                }
                if (!rows.isEmpty()) {
                    SharedCteRows.preset(tokens.get(i), frozen, rows); // else the scans read their empty input
                }
            }
            return main.run(frozen);
        });
    }
}
