package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.ViewCheck;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;

/**
 * WITH CHECK OPTION on rows an INSERT or UPDATE through a view writes to its base table. As in PostgreSQL
 * the check follows the write (after NOT NULL, CHECK and unique constraints), and a condition that is
 * not true (false or NULL) fails.
 */
final class ViewChecks {
    private final TableDef table;
    private final String[] views;
    private final Evaluator[] conditions;

    ViewChecks(TableDef table, List<ViewCheck> checks) {
        this.table = table;
        this.views = checks.stream().map(ViewCheck::view).toArray(String[]::new);
        this.conditions = ExpressionCompiler.compileAll(checks.stream().map(ViewCheck::condition).toList());
    }

    /** 44000 when {@code row} (a whole base-table row) is not visible through one of the views. */
    void check(Runtime rt, Object[] row) {
        for (int i = 0; i < conditions.length; i++) {
            if (!Boolean.TRUE.equals(conditions[i].evaluate(row, rt))) {
                throw new HeliosException(SqlState.WITH_CHECK_OPTION_VIOLATION, "new row violates check option for view \""
                        + views[i] + "\"", RowConstraints.failingRow(table, row), null, 0, null);
            }
        }
    }
}
