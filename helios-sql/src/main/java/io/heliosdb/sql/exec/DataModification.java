package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE. The rows to change are all read before the first write, so a
 * statement never sees its own changes (no Halloween problem).
 */
final class DataModification {

    private DataModification() {
    }

    static StatementBody insert(BoundStatement.Insert insert) {
        if (insert.onConflict() != null) {
            return UpsertStatement.compile(insert);
        }
        return new InsertRows(insert);
    }

    /** Stored rows the statement applies to, with their keys. */
    private record Target(byte[] key, Object[] row) {
    }

    /**
     * With {@code keySlot} >= 0 (a joined target), each row carries its stored key there; a row joined to
     * several others is changed once, by the first join row, as in PostgreSQL.
     */
    private static List<Target> targets(Operator target, Runtime rt, int keySlot) {
        List<Target> targets = new ArrayList<>();
        java.util.Set<java.nio.ByteBuffer> seen = new java.util.HashSet<>();
        try (RowSource in = target.open(rt)) {
            while (in.next()) {
                if (keySlot < 0) {
                    targets.add(new Target(in.rowKey(), in.row()));
                    continue;
                }
                Object[] row = in.row().clone();
                byte[] key = (byte[]) row[keySlot];
                if (seen.add(java.nio.ByteBuffer.wrap(key))) {
                    targets.add(new Target(key, row));
                }
            }
        }
        return targets;
    }

    static StatementBody update(BoundStatement.Update update) {
        Operator target = PlanCompiler.compile(update.target());
        Evaluator[] newRow = ExpressionCompiler.compileAll(update.newRow());
        Evaluator[] returning = ExpressionCompiler.compileAll(update.returning());
        TableDef table = update.table();
        List<Column> columns = update.returningColumns();
        RowConstraints constraints = new RowConstraints(table);
        ViewChecks viewChecks = new ViewChecks(table, update.viewChecks());
        int keySlot = update.keySlot();
        return rt -> {
            boolean referenced = RowConstraints.referencedByAny(rt.context(), table);
            ReferenceChecks deferred = new ReferenceChecks();
            List<Target> targets = targets(target, rt, keySlot);
            List<Object[]> returned = new ArrayList<>();
            for (Target t : targets) {
                rt.context().checkCancelled();
                Object[] row = new Object[newRow.length];
                for (int i = 0; i < newRow.length; i++) {
                    row[i] = newRow[i].evaluate(t.row(), rt);
                }
                constraints.checkRow(rt, row, t.row());
                rt.context().update(table, t.key(), row);
                viewChecks.check(rt, row);
                if (referenced) {
                    RowConstraints.afterParentChange(rt, table, t.row(), row, deferred);
                }
                addReturning(returning, keySlot < 0 ? row : withNewValues(t.row(), row), rt, returned);
            }
            deferred.run(rt);
            return Results.rows(columns, returned, targets.size(), "UPDATE " + targets.size());
        };
    }

    static StatementBody delete(BoundStatement.Delete delete) {
        Operator target = PlanCompiler.compile(delete.target());
        Evaluator[] returning = ExpressionCompiler.compileAll(delete.returning());
        TableDef table = delete.table();
        List<Column> columns = delete.returningColumns();
        int keySlot = delete.keySlot();
        return rt -> {
            boolean referenced = RowConstraints.referencedByAny(rt.context(), table);
            ReferenceChecks deferred = new ReferenceChecks();
            List<Target> targets = targets(target, rt, keySlot);
            List<Object[]> returned = new ArrayList<>();
            for (Target t : targets) {
                rt.context().checkCancelled();
                rt.context().delete(table, t.key());
                if (referenced) {
                    RowConstraints.afterParentChange(rt, table, t.row(), null, deferred);
                }
                addReturning(returning, t.row(), rt, returned);
            }
            deferred.run(rt);
            return Results.rows(columns, returned, targets.size(), "DELETE " + targets.size());
        };
    }

    /** The joined row with the table's columns replaced by the updated values (what RETURNING reads). */
    private static Object[] withNewValues(Object[] joined, Object[] newRow) {
        Object[] out = joined.clone();
        System.arraycopy(newRow, 0, out, 0, newRow.length);
        return out;
    }

    static void addReturning(Evaluator[] returning, Object[] row, Runtime rt, List<Object[]> out) {
        if (returning.length == 0) {
            return;
        }
        Object[] values = new Object[returning.length];
        for (int i = 0; i < returning.length; i++) {
            values[i] = returning[i].evaluate(row, rt);
        }
        out.add(values);
    }
}
