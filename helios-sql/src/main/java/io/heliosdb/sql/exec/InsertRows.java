package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain INSERT (no ON CONFLICT). All source rows are read before the first is written, so a
 * statement never sees its own rows. A single-row VALUES without RETURNING (a prepared INSERT, each
 * entry of a batch) counts its row without building a source, a row list or a result.
 */
final class InsertRows implements StatementBody {
    private final TableDef table;
    private final RowConstraints constraints;
    private final ViewChecks viewChecks;
    private final Operator source;
    private final Evaluator[] returning;
    private final List<Column> columns;
    /** The one VALUES row's expressions when the direct path applies, else null. */
    private final Evaluator[] singleRow;

    InsertRows(BoundStatement.Insert insert) {
        this.table = insert.table();
        this.constraints = new RowConstraints(insert.table());
        this.viewChecks = new ViewChecks(insert.table(), insert.viewChecks());
        this.source = PlanCompiler.compile(insert.source());
        this.returning = ExpressionCompiler.compileAll(insert.returning());
        this.columns = insert.returningColumns();
        this.singleRow = insert.source() instanceof LogicalPlan.Values v && v.rows().size() == 1 && returning.length == 0
                ? ExpressionCompiler.compileAll(v.rows().get(0)) : null;
    }

    @Override
    public StatementResult run(Runtime rt) {
        List<Object[]> rows = Materialize.all(source.open(rt));
        List<Object[]> returned = new ArrayList<>();
        for (Object[] row : rows) {
            write(rt, row);
            DataModification.addReturning(returning, row, rt, returned);
        }
        return Results.rows(columns, returned, rows.size(), "INSERT 0 " + rows.size());
    }

    @Override
    public long count(Runtime rt) {
        if (singleRow == null) {
            return StatementBody.super.count(rt);
        }
        Object[] row = new Object[singleRow.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = singleRow[i].evaluate(null, rt);
        }
        write(rt, row);
        return 1;
    }

    private void write(Runtime rt, Object[] row) {
        rt.context().checkCancelled();
        constraints.checkRow(rt, row, null);
        rt.context().insert(table, row);
        viewChecks.check(rt, row);
    }
}
