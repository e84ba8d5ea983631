package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.analyze.BoundConflict;
import io.heliosdb.sql.analyze.BoundStatement;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * INSERT ... ON CONFLICT. Each proposed row first locks its arbiter keys in the kernel and looks for
 * the row holding them: none, and the row is inserted (the lock makes a concurrent upsert of the same
 * key wait); one, and it is skipped (DO NOTHING) or updated (DO UPDATE). Under READ COMMITTED a
 * holder committed after the statement's snapshot restarts the statement, which then sees it, so of
 * two sessions upserting one key one inserts and the other updates, as in PostgreSQL.
 */
final class UpsertStatement {

    private UpsertStatement() {
    }

    static StatementBody compile(BoundStatement.Insert insert) {
        Operator source = PlanCompiler.compile(insert.source());
        Evaluator[] returning = ExpressionCompiler.compileAll(insert.returning());
        BoundConflict conflict = insert.onConflict();
        Evaluator[] newRow = ExpressionCompiler.compileAll(conflict.newRow());
        Evaluator where = conflict.where() == null ? null : ExpressionCompiler.compile(conflict.where());
        TableDef table = insert.table();
        RowConstraints constraints = new RowConstraints(table);
        ViewChecks viewChecks = new ViewChecks(table, insert.viewChecks());
        List<Column> columns = insert.returningColumns();
        return rt -> {
            boolean referenced = conflict.doUpdate() && RowConstraints.referencedByAny(rt.context(), table);
            List<Object[]> rows = Materialize.all(source.open(rt));
            List<Object[]> returned = new ArrayList<>();
            Set<ByteBuffer> updated = new HashSet<>();
            // Arbiter values of the rows this command inserted: a later row conflicting with one of them
            // would affect it a second time, which PostgreSQL refuses (21000) as for a twice-updated row.
            Set<List<Object>> inserted = new HashSet<>();
            int count = 0;
            for (Object[] row : rows) {
                rt.context().checkCancelled();
                RowConstraints.checkNotNull(table, row);
                Existing existing = find(rt, table, conflict, row);
                if (existing == null) {
                    constraints.checkRow(rt, row, null);
                    rt.context().insert(table, row);
                    viewChecks.check(rt, row);
                    if (conflict.doUpdate()) {
                        arbiterValues(table, conflict, row).forEach(inserted::add);
                    }
                    DataModification.addReturning(returning, row, rt, returned);
                    count++;
                    continue;
                }
                if (!conflict.doUpdate()) {
                    continue;
                }
                if (!updated.add(ByteBuffer.wrap(existing.key()))
                        || arbiterValues(table, conflict, row).stream().anyMatch(inserted::contains)) {
                    throw new HeliosException(SqlState.CARDINALITY_VIOLATION,
                            "ON CONFLICT DO UPDATE command cannot affect row a second time", null,
                            "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.",
                            0, null);
                }
                Object[] both = new Object[row.length * 2];
                System.arraycopy(existing.row(), 0, both, 0, row.length);
                System.arraycopy(row, 0, both, row.length, row.length);
                if (where != null && !Boolean.TRUE.equals(where.evaluate(both, rt))) {
                    continue;
                }
                Object[] next = new Object[newRow.length];
                for (int i = 0; i < next.length; i++) {
                    next[i] = newRow[i].evaluate(both, rt);
                }
                constraints.checkRow(rt, next, existing.row());
                rt.context().update(table, existing.key(), next);
                viewChecks.check(rt, next);
                if (referenced) {
                    RowConstraints.afterParentChange(rt, table, existing.row(), next);
                }
                DataModification.addReturning(returning, next, rt, returned);
                count++;
            }
            return Results.rows(columns, returned, count, "INSERT 0 " + count);
        };
    }

    private record Existing(byte[] key, Object[] row) {
    }

    /** For each arbiter (primary key, unique indexes), its name and the row's values of its columns; none with a NULL. */
    private static List<List<Object>> arbiterValues(TableDef table, BoundConflict conflict, Object[] row) {
        List<List<Object>> out = new ArrayList<>();
        if (conflict.primaryKey()) {
            addValues(out, "", table.primaryKey(), row);
        }
        for (IndexDef index : conflict.arbiters()) {
            addValues(out, index.name(), index.columns(), row);
        }
        return out;
    }

    private static void addValues(List<List<Object>> out, String arbiter, List<Integer> columns, Object[] row) {
        List<Object> values = new ArrayList<>(columns.size() + 1);
        values.add(arbiter);
        for (int c : columns) {
            if (row[c] == null) {
                return; // NULLs never conflict
            }
            values.add(row[c]);
        }
        out.add(values);
    }

    private static Existing find(Runtime rt, TableDef table, BoundConflict conflict, Object[] row) {
        if (conflict.primaryKey()) {
            Existing e = lock(rt, table, null, row);
            if (e != null) {
                return e;
            }
        }
        for (IndexDef index : conflict.arbiters()) {
            Existing e = lock(rt, table, index, row);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Existing lock(Runtime rt, TableDef table, IndexDef arbiter, Object[] row) {
        try (RowCursor cursor = rt.context().lockConflicting(table, arbiter, row)) {
            return cursor.next() ? new Existing(cursor.rowKey(), cursor.row().clone()) : null;
        }
    }
}
