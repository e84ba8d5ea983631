package io.heliosdb.sql.plan.rules;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import io.heliosdb.sql.analyze.BoundExpr.Comparison;
import io.heliosdb.sql.analyze.BoundExpr.Logical;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExprs;
import io.heliosdb.sql.plan.LogicalPlan.Filter;
import io.heliosdb.sql.plan.LogicalPlan.Lookup;
import io.heliosdb.sql.plan.LogicalPlan.Scan;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.schema.TableDef;
import io.heliosdb.sql.types.TypeRules;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Filter(Scan t)} whose AND-ed conjuncts pin every primary key column with
 * {@code pk = row-independent expression} becomes {@code Filter(Lookup t)}: one storage read.
 * Key values of a wider integer type (or another string type) are narrowed by the lookup itself.
 * The filter stays, so the other conjuncts (and the equalities themselves) are still checked.
 */
public final class PrimaryKeyLookupRule implements PlanRule {

    @Override
    public LogicalPlan apply(LogicalPlan node) {
        if (!(node instanceof Filter filter) || !(filter.input() instanceof Scan scan) || !scan.table().hasPrimaryKey()) {
            return node;
        }
        TableDef table = scan.table();
        List<BoundExpr> conjuncts = new ArrayList<>();
        flattenAnd(filter.predicate(), conjuncts);
        List<BoundExpr> key = new ArrayList<>();
        for (int column : table.primaryKey()) {
            BoundExpr value = pinnedValue(conjuncts, column);
            if (value == null) {
                return node;
            }
            key.add(value);
        }
        return new Filter(new Lookup(table, key), filter.predicate());
    }

    private static void flattenAnd(BoundExpr e, List<BoundExpr> out) {
        if (e instanceof Logical l && l.and()) {
            flattenAnd(l.left(), out);
            flattenAnd(l.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The value {@code column = value} fixes, when some conjunct says so with a value of the column's own type. */
    private static BoundExpr pinnedValue(List<BoundExpr> conjuncts, int column) {
        for (BoundExpr c : conjuncts) {
            if (c instanceof Comparison cmp && cmp.op() == CompareOp.EQ) {
                BoundExpr value = valueFor(cmp.left(), cmp.right(), column);
                if (value == null) {
                    value = valueFor(cmp.right(), cmp.left(), column);
                }
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static BoundExpr valueFor(BoundExpr side, BoundExpr other, int column) {
        // "int_pk = $1::bigint" compares in bigint with the key column widened; the lookup narrows the value instead.
        if (side instanceof BoundExpr.Cast cast && !cast.explicit() && cast.type().isInteger()
                && cast.operand() instanceof ColumnSlot) {
            side = cast.operand();
        }
        if (side instanceof ColumnSlot slot && slot.index() == column && sameFamily(slot.type(), other.type())
                && BoundExprs.isRowIndependent(other)) {
            return other;
        }
        return null;
    }

    /** Values the lookup can convert to the key column's type without changing the comparison's meaning. */
    private static boolean sameFamily(SqlType column, SqlType value) {
        return column == value || column.isInteger() && value.isInteger()
                || TypeRules.isString(column) && TypeRules.isString(value);
    }
}
