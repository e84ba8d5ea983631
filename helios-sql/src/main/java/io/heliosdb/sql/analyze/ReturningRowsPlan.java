package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.ast.ReturningRows;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.List;

/**
 * The plan of a reference to a data-modifying WITH query: a CTE Scan of the rows its RETURNING list produced,
 * which the statement hands over before its body runs (io.heliosdb.sql.exec.DataModifyingWithStatement). The
 * scan's own input is an empty VALUES of the RETURNING columns: it is never what the scan reads.
 */
final class ReturningRowsPlan {

    private ReturningRowsPlan() {
    }

    static LogicalPlan of(SchemaLookup schema, ParameterTypes parameters, ReturningRows rows, String alias) {
        // The step is analyzed again for its columns; its parameter uses infer the same types as the first time.
        List<Column> columns = returningColumns(new Analyzer(schema, parameters).analyze(rows.statement()));
        if (columns.isEmpty()) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "WITH query \"" + rows.name()
                    + "\" does not have a RETURNING clause", null, null, rows.position() + 1, null);
        }
        return new LogicalPlan.CteScan(new LogicalPlan.Values(List.of(), columns), alias, rows.token());
    }

    private static List<Column> returningColumns(BoundStatement step) {
        if (step instanceof BoundStatement.Insert i) {
            return i.returningColumns();
        } else if (step instanceof BoundStatement.Update u) {
            return u.returningColumns();
        }
        return ((BoundStatement.Delete) step).returningColumns();
    }
}
