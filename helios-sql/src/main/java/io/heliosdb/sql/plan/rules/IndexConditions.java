package io.heliosdb.sql.plan.rules;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Comparison;
import io.heliosdb.sql.analyze.BoundExpr.Logical;
import io.heliosdb.sql.analyze.BoundExprs;
import java.util.ArrayList;
import java.util.List;

/** Reading conjuncts as conditions on single table columns, for the index rules. */
final class IndexConditions {

    private IndexConditions() {
    }

    /** {@code column op value}, the column on the left (a flipped comparison is turned around). */
    record ColumnTest(int column, CompareOp op, BoundExpr value) {
    }

    static List<BoundExpr> conjuncts(BoundExpr predicate) {
        List<BoundExpr> out = new ArrayList<>();
        flatten(predicate, out);
        return out;
    }

    private static void flatten(BoundExpr e, List<BoundExpr> out) {
        if (e instanceof Logical l && l.and()) {
            flatten(l.left(), out);
            flatten(l.right(), out);
        } else {
            out.add(e);
        }
    }

    static BoundExpr and(List<BoundExpr> conjuncts) {
        BoundExpr out = null;
        for (BoundExpr c : conjuncts) {
            out = out == null ? c : new Logical(true, out, c);
        }
        return out;
    }

    /** The conjunct as {@code column op row-independent value}, or null. */
    static ColumnTest test(BoundExpr conjunct) {
        if (!(conjunct instanceof Comparison cmp) || cmp.op() == CompareOp.NE) {
            return null;
        }
        Integer column = column(cmp.left(), cmp.right());
        if (column != null) {
            return new ColumnTest(column, cmp.op(), cmp.right());
        }
        column = column(cmp.right(), cmp.left());
        return column == null ? null : new ColumnTest(column, flip(cmp.op()), cmp.left());
    }

    /** {@code column IN (values)}: an OR tree of equalities on one column; the values, or null. */
    static List<BoundExpr> inValues(BoundExpr conjunct, int column) {
        List<BoundExpr> out = new ArrayList<>();
        return collectIn(conjunct, column, out) ? out : null;
    }

    private static boolean collectIn(BoundExpr e, int column, List<BoundExpr> out) {
        if (e instanceof Logical l && !l.and()) {
            return collectIn(l.left(), column, out) && collectIn(l.right(), column, out);
        }
        if (e instanceof BoundExpr.Const c && c.value() == null) {
            // "a IN (1, NULL)": the NULL branch (folded from a = NULL) is never true, so it adds no row.
            return true;
        }
        ColumnTest t = test(e);
        if (t == null || t.column() != column || t.op() != CompareOp.EQ) {
            return false;
        }
        out.add(t.value());
        return true;
    }

    /** The table column of {@code side} when {@code other} is a value the index can be searched with. */
    static Integer column(BoundExpr side, BoundExpr other) {
        // "int_col = 3000000000" compares in bigint with the column widened; the scan narrows the value instead.
        if (side instanceof BoundExpr.Cast cast && !cast.explicit() && cast.type().isInteger()
                && cast.operand() instanceof ColumnSlot) {
            side = cast.operand();
        }
        if (side instanceof ColumnSlot slot && indexable(slot.type(), other.type()) && BoundExprs.isRowIndependent(other)
                && !(other instanceof BoundExpr.Subquery)) {
            return slot.index();
        }
        return null;
    }

    /**
     * Column and value types whose comparison orders exactly as the index does. Floating point (NaN) and
     * numeric (scale) keys, char(n) padding and mixed families stay with a filter.
     */
    static boolean indexable(SqlType column, SqlType value) {
        if (column.isInteger()) {
            return value.isInteger();
        }
        if (column == SqlType.TEXT || column == SqlType.VARCHAR) {
            return value == SqlType.TEXT || value == SqlType.VARCHAR;
        }
        return column == value && (column == SqlType.DATE || column == SqlType.TIMESTAMP
                || column == SqlType.BOOLEAN);
    }

    static CompareOp flip(CompareOp op) {
        return switch (op) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> op;
        };
    }
}
