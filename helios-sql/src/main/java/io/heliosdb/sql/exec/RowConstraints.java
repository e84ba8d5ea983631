package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.ExecutionContext;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.analyze.ConstraintBinder;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.ConstraintDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table's CHECK and FOREIGN KEY constraints on the rows a statement writes. The referencing side
 * asks the kernel to find and share-lock the referenced row, so a concurrent delete of it waits for
 * this transaction (or this insert waits for that delete and then fails). The referenced side runs
 * after the kernel has locked the changed row exclusively, and looks at the newest committed
 * referencing rows, so a referencing row committed after the statement's snapshot is seen too.
 */
final class RowConstraints {
    private final TableDef table;
    private final List<ConstraintDef.Check> checks = new ArrayList<>();
    private final Evaluator[] checkEvaluators;
    private final List<ConstraintDef.ForeignKey> foreignKeys = new ArrayList<>();

    RowConstraints(TableDef table) {
        this.table = table;
        List<Evaluator> evaluators = new ArrayList<>();
        for (ConstraintDef c : table.constraints()) {
            if (c instanceof ConstraintDef.Check k) {
                checks.add(k);
                evaluators.add(ExpressionCompiler.compile(ConstraintBinder.bindCheck(table, k)));
            } else if (c instanceof ConstraintDef.ForeignKey f) {
                foreignKeys.add(f);
            }
        }
        checkEvaluators = evaluators.toArray(new Evaluator[0]);
    }

    /** NOT NULL, CHECK and the referencing side of foreign keys for a row about to be written. */
    void checkRow(Runtime rt, Object[] row, Object[] oldRow) {
        checkNotNull(table, row);
        for (int i = 0; i < checkEvaluators.length; i++) {
            if (Boolean.FALSE.equals(checkEvaluators[i].evaluate(row, rt))) {
                String name = checks.get(i).name();
                throw new HeliosException(SqlState.CHECK_VIOLATION, "new row for relation \"" + table.name()
                        + "\" violates check constraint \"" + name + "\"", failingRow(table, row), null, 0, null, name)
                        .withTable(table.name(), null);
            }
        }
        for (ConstraintDef.ForeignKey f : foreignKeys) {
            Object[] values = values(row, f.columns());
            if (values == null || (oldRow != null && java.util.Arrays.equals(values, values(oldRow, f.columns())))) {
                continue;
            }
            TableDef parent = f.refTable().equals(table.name()) ? table : rt.context().table(f.refTable()).orElseThrow();
            if (f.refTable().equals(table.name()) && java.util.Arrays.equals(values, values(row, f.refColumns()))) {
                continue; // a row referencing itself
            }
            Object[] parentValues = ForeignKeyValues.toParent(table, f.columns(), parent, f.refColumns(), values);
            if (parentValues == null || !rt.context().lockReferenced(parent, f.refColumns(), parentValues)) {
                throw new HeliosException(SqlState.FOREIGN_KEY_VIOLATION, "insert or update on table \"" + table.name()
                        + "\" violates foreign key constraint \"" + f.name() + "\"", "Key " + describe(table, f.columns(), values)
                        + " is not present in table \"" + f.refTable() + "\".", null, 0, null, f.name())
                        .withTable(table.name(), null);
            }
        }
    }

    /** The referenced side after {@code oldRow} of this table was deleted ({@code newRow} null) or updated. */
    static void afterParentChange(Runtime rt, TableDef parent, Object[] oldRow, Object[] newRow) {
        afterParentChange(rt, parent, oldRow, newRow, null);
    }

    /** As above; with {@code deferred}, NO ACTION and RESTRICT are checked when the statement ends. */
    static void afterParentChange(Runtime rt, TableDef parent, Object[] oldRow, Object[] newRow,
                                  ReferenceChecks deferred) {
        ExecutionContext ctx = rt.context();
        for (TableDef child : ctx.tables()) {
            for (ConstraintDef c : child.constraints()) {
                if (!(c instanceof ConstraintDef.ForeignKey f) || !f.refTable().equals(parent.name())) {
                    continue;
                }
                Object[] oldKey = values(oldRow, f.refColumns());
                if (oldKey == null || (newRow != null && java.util.Arrays.equals(oldKey, values(newRow, f.refColumns())))) {
                    continue;
                }
                TableDef current = child.name().equals(parent.name()) ? parent : child;
                applyAction(rt, parent, current, f, oldKey, newRow, deferred);
            }
        }
    }

    private static void applyAction(Runtime rt, TableDef parent, TableDef child, ConstraintDef.ForeignKey f,
                                    Object[] oldKey, Object[] newParentRow, ReferenceChecks deferred) {
        ConstraintDef.Action action = newParentRow == null ? f.onDelete() : f.onUpdate();
        if (deferred != null && (action == ConstraintDef.Action.NO_ACTION || action == ConstraintDef.Action.RESTRICT)) {
            deferred.add(parent, child, f, oldKey, action);
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        try (RowCursor cursor = rt.context().scanNewest(child)) {
            while (cursor.next()) {
                Object[] row = cursor.row();
                if (ForeignKeyValues.matches(parent, f.refColumns(), oldKey, child, f.columns(), row)) {
                    rows.add(row.clone());
                    keys.add(cursor.rowKey());
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (action == ConstraintDef.Action.NO_ACTION || action == ConstraintDef.Action.RESTRICT) {
            throw stillReferenced(parent, child, f, oldKey);
        }
        RowConstraints childConstraints = new RowConstraints(child);
        for (int r = 0; r < rows.size(); r++) {
            Object[] oldRow = rows.get(r);
            if (action == ConstraintDef.Action.CASCADE && newParentRow == null) {
                rt.context().delete(child, keys.get(r));
                afterParentChange(rt, child, oldRow, null, deferred);
                continue;
            }
            Object[] updated = oldRow.clone();
            for (int i = 0; i < f.columns().size(); i++) {
                int column = f.columns().get(i);
                updated[column] = switch (action) {
                    case CASCADE -> ForeignKeyValues.toChild(parent, f.refColumns().get(i),
                            newParentRow[f.refColumns().get(i)], child, column);
                    case SET_NULL -> null;
                    default -> defaultValue(rt, child.columns().get(column));
                };
            }
            childConstraints.checkRow(rt, updated, oldRow);
            rt.context().update(child, keys.get(r), updated);
            afterParentChange(rt, child, oldRow, updated, deferred);
        }
    }

    static HeliosException stillReferenced(TableDef parent, TableDef child, ConstraintDef.ForeignKey f, Object[] key) {
        return new HeliosException(SqlState.FOREIGN_KEY_VIOLATION, "update or delete on table \"" + parent.name()
                + "\" violates foreign key constraint \"" + f.name() + "\" on table \"" + child.name() + "\"",
                "Key " + describe(parent, f.refColumns(), key) + " is still referenced from table \""
                        + child.name() + "\".", null, 0, null, f.name()).withTable(child.name(), null);
    }

    private static Object defaultValue(Runtime rt, ColumnDef column) {
        if (column.defaultExpression() == null) {
            return null;
        }
        return ExpressionCompiler.compile(ConstraintBinder.bindDefault(column)).evaluate(new Object[0], rt);
    }

    /** The row's values in these columns, or null when one is NULL (such a key references nothing). */
    private static Object[] values(Object[] row, List<Integer> columns) {
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row[columns.get(i)];
            if (out[i] == null) {
                return null;
            }
        }
        return out;
    }

    private static String describe(TableDef table, List<Integer> columns, Object[] values) {
        List<String> names = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = table.columns().get(columns.get(i));
            names.add(c.name());
            shown.add(values[i] == null ? "null" : c.type().format(values[i]));
        }
        return "(" + String.join(", ", names) + ")=(" + String.join(", ", shown) + ")";
    }

    static String failingRow(TableDef table, Object[] row) {
        StringBuilder sb = new StringBuilder("Failing row contains (");
        for (int i = 0; i < row.length; i++) {
            sb.append(i > 0 ? ", " : "").append(row[i] == null ? "null" : table.columns().get(i).type().format(row[i]));
        }
        return sb.append(").").toString();
    }

    static void checkNotNull(TableDef table, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null && table.columns().get(i).notNull()) {
                throw new HeliosException(SqlState.NOT_NULL_VIOLATION, "null value in column \""
                        + table.columns().get(i).name() + "\" of relation \"" + table.name()
                        + "\" violates not-null constraint", failingRow(table, row), null, 0, null)
                        .withTable(table.name(), table.columns().get(i).name());
            }
        }
    }

    boolean isEmpty() {
        return checks.isEmpty() && foreignKeys.isEmpty();
    }

    static boolean referencedByAny(ExecutionContext ctx, TableDef table) {
        for (TableDef t : ctx.tables()) {
            for (ConstraintDef c : t.constraints()) {
                if (c instanceof ConstraintDef.ForeignKey f && Objects.equals(f.refTable(), table.name())) {
                    return true;
                }
            }
        }
        return false;
    }
}
