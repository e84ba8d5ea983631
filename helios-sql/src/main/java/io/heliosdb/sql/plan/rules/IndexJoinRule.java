package io.heliosdb.sql.plan.rules;

import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Comparison;
import io.heliosdb.sql.analyze.BoundExpr.OuterRef;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.IndexJoin;
import io.heliosdb.sql.plan.LogicalPlan.IndexScan;
import io.heliosdb.sql.plan.LogicalPlan.Join;
import io.heliosdb.sql.plan.LogicalPlan.JoinKind;
import io.heliosdb.sql.plan.LogicalPlan.Lookup;
import io.heliosdb.sql.plan.LogicalPlan.Scan;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.List;

/**
 * An INNER or LEFT join whose condition has {@code left_column = right_column}, where the right side is
 * a (filtered) table with a one-column primary key or an index leading with that column, probes the
 * right table once per left row instead of reading it whole. The probe value is the left row's
 * column, seen by the right side as its outer row; the whole condition is still checked on each pair.
 */
public final class IndexJoinRule implements PlanRule {
    private final SchemaLookup schema;

    public IndexJoinRule(SchemaLookup schema) {
        this.schema = schema;
    }

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Join join) || join.condition() == null
                || join.kind() != JoinKind.INNER && join.kind() != JoinKind.LEFT) {
            return node;
        }
        LogicalPlan right = join.right();
        BoundExpr rightFilter = null;
        if (right instanceof Filter f) {
            rightFilter = f.predicate();
            right = f.input();
        }
        if (!(right instanceof Scan scan) || rightFilter != null && readsOuterRows(rightFilter)) {
            return node;
        }
        int leftWidth = join.left().columns().size();
        for (BoundExpr c : IndexConditions.conjuncts(join.condition())) {
            if (!(c instanceof Comparison cmp) || cmp.op() != CompareOp.EQ) {
                continue;
            }
            LogicalPlan probe = probe(scan.table(), cmp.left(), cmp.right(), leftWidth);
            if (probe == null) {
                probe = probe(scan.table(), cmp.right(), cmp.left(), leftWidth);
            }
            if (probe != null) {
                LogicalPlan inner = rightFilter == null ? probe : new Filter(probe, rightFilter);
                return new IndexJoin(join.left(), inner, join.condition(), join.kind());
            }
        }
        return node;
    }

    /** A probe of {@code table} for {@code rightSide = leftSide}, or null when no key or index fits. */
    private LogicalPlan probe(TableDef table, BoundExpr rightSide, BoundExpr leftSide, int leftWidth) {
        BoundExpr unwrappedRight = unwrap(rightSide);
        BoundExpr unwrappedLeft = unwrap(leftSide);
        if (!(unwrappedRight instanceof ColumnSlot r) || r.index() < leftWidth
                || !(unwrappedLeft instanceof ColumnSlot l) || l.index() >= leftWidth
                || !IndexConditions.indexable(r.type(), l.type())) {
            return null;
        }
        int column = r.index() - leftWidth;
        BoundExpr outer = new OuterRef(1, l.index(), l.type(), l.typmod(), l.name());
        if (table.primaryKey().equals(List.of(column))) {
            return new Lookup(table, List.of(outer));
        }
        ColumnSlot rightColumn = new ColumnSlot(column, r.type(), r.typmod(), r.name());
        for (IndexDef index : schema.indexes(table.name())) {
            if (index.columns().get(0) == column) {
                return new IndexScan(table, index, List.of(outer), null, null, false, null, false, false,
                        List.of(new Comparison(CompareOp.EQ, rightColumn, outer)));
            }
        }
        return null;
    }

    private static BoundExpr unwrap(BoundExpr e) {
        return e instanceof BoundExpr.Cast cast && !cast.explicit() && cast.type().isInteger()
                && cast.operand() instanceof ColumnSlot ? cast.operand() : e;
    }

    /** Whether the expression reads an enclosing query's row (whose depth the probe's own outer row would shift). */
    private static boolean readsOuterRows(BoundExpr e) {
        boolean[] found = {false};
        BoundExprs.forEach(e, n -> found[0] |= n instanceof OuterRef || n instanceof BoundExpr.Subquery);
        return found[0];
    }
}
