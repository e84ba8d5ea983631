package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.PointQuery;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.TemporalCasts;
import java.util.List;

/**
 * Recognises {@code [Project] over [Filter] over Lookup} whose expressions need nothing but the row and
 * the parameters, and runs it as a {@link PointQuery}: the prepared point SELECT by primary key, which
 * the kernel then answers with one storage read and no operator pipeline, runtime or result wrapper.
 * Anything else (session-dependent casts, functions, subqueries, timestamptz output, which is shown in
 * the session's zone) keeps the ordinary plan.
 */
final class PointQueries {
    private PointQueries() {
    }

    /** The point query for {@code plan}, or null when the plan is not one. */
    static PointQuery of(LogicalPlan plan, List<Column> columns, List<SqlType> parameterTypes) {
        for (Column c : columns) {
            if (c.type() == SqlType.TIMESTAMPTZ) {
                return null;
            }
        }
        LogicalPlan node = plan;
        List<BoundExpr> outputs = null;
        if (node instanceof LogicalPlan.Project p) {
            outputs = p.expressions();
            node = p.input();
        }
        BoundExpr predicate = null;
        if (node instanceof LogicalPlan.Filter f) {
            predicate = f.predicate();
            node = f.input();
        }
        if (!(node instanceof LogicalPlan.Lookup lookup) || lookup.key().size() != lookup.table().primaryKey().size()) {
            return null;
        }
        TableDef table = lookup.table();
        boolean[] read = new boolean[table.columns().size()];
        for (BoundExpr k : lookup.key()) {
            if (!(k instanceof BoundExpr.Const || k instanceof BoundExpr.ParamRef)) {
                return null;
            }
        }
        if (predicate != null && !(contextFree(predicate) && ScanColumns.mark(predicate, read))) {
            return null;
        }
        if (outputs != null) {
            for (BoundExpr e : outputs) {
                if (!(contextFree(e) && ScanColumns.mark(e, read))) {
                    return null;
                }
            }
        } else {
            java.util.Arrays.fill(read, true);
        }
        boolean wholeRow = outputs == null || isWholeRow(outputs, read.length);
        return new Compiled(table, List.copyOf(parameterTypes), keyReaders(lookup), predicate == null ? null
                : ExpressionCompiler.compile(predicate), wholeRow ? null : ExpressionCompiler.compileAll(outputs),
                read);
    }

    /** Whether the output is the stored row itself (every column, in table order): it needs no copy. */
    private static boolean isWholeRow(List<BoundExpr> outputs, int width) {
        if (outputs.size() != width) {
            return false;
        }
        for (int i = 0; i < width; i++) {
            if (!(outputs.get(i) instanceof BoundExpr.ColumnSlot slot) || slot.index() != i) {
                return false;
            }
        }
        return true;
    }

    /** Whether evaluating {@code e} needs only the row and the parameters (its runtime has no kernel context). */
    private static boolean contextFree(BoundExpr e) {
        if (e instanceof BoundExpr.Const || e instanceof BoundExpr.ParamRef || e instanceof BoundExpr.ColumnSlot) {
            return true;
        } else if (e instanceof BoundExpr.Cast c) {
            return !TemporalCasts.zoneDependent(c.operand().type(), c.type()) && contextFree(c.operand());
        } else if (e instanceof BoundExpr.Comparison c) {
            return contextFree(c.left()) && contextFree(c.right());
        } else if (e instanceof BoundExpr.Logical l) {
            return contextFree(l.left()) && contextFree(l.right());
        } else if (e instanceof BoundExpr.Not n) {
            return contextFree(n.operand());
        } else if (e instanceof BoundExpr.IsNull n) {
            return contextFree(n.operand());
        }
        return false;
    }

    /** Per primary key column: the parameter it reads, or its constant. */
    private static KeyReader[] keyReaders(LogicalPlan.Lookup lookup) {
        TableDef table = lookup.table();
        KeyReader[] readers = new KeyReader[lookup.key().size()];
        for (int i = 0; i < readers.length; i++) {
            SqlType type = table.columns().get(table.primaryKey().get(i)).type();
            BoundExpr k = lookup.key().get(i);
            readers[i] = k instanceof BoundExpr.ParamRef p ? new KeyReader(p.index(), null, type)
                    : new KeyReader(-1, ((BoundExpr.Const) k).value(), type);
        }
        return readers;
    }

    private record KeyReader(int parameter, Object constant, SqlType type) {
        Object value(Object[] bound) {
            return TableSources.narrow(parameter >= 0 ? bound[parameter] : constant, type);
        }
    }

    private static final class Compiled implements PointQuery {
        private final TableDef table;
        private final List<SqlType> parameterTypes;
        private final KeyReader[] key;
        private final Evaluator predicate;
        private final Evaluator[] outputs;
        private final boolean[] columns;

        Compiled(TableDef table, List<SqlType> parameterTypes, KeyReader[] key, Evaluator predicate,
                 Evaluator[] outputs, boolean[] columns) {
            this.table = table;
            this.parameterTypes = parameterTypes;
            this.key = key;
            this.predicate = predicate;
            this.outputs = outputs;
            this.columns = columns;
        }

        @Override
        public TableDef table() {
            return table;
        }

        @Override
        public Object[] bind(Object[] params) {
            return CompiledStatement.coerce(parameterTypes, params);
        }

        @Override
        public Object[] key(Object[] bound) {
            Object[] values = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                values[i] = key[i].value(bound);
                if (values[i] == null) {
                    return null;
                }
            }
            return values;
        }

        @Override
        public boolean[] columns() {
            return columns.clone();
        }

        @Override
        public Object[] output(Object[] row, Object[] bound) {
            Runtime rt = null;
            if (predicate != null) {
                rt = new Runtime(null, bound);
                if (!Boolean.TRUE.equals(predicate.evaluate(row, rt))) {
                    return null;
                }
            }
            if (outputs == null) {
                return row;
            }
            if (rt == null) {
                rt = new Runtime(null, bound);
            }
            Object[] out = new Object[outputs.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = outputs[i].evaluate(row, rt);
            }
            return out;
        }
    }
}
