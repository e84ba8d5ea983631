package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.analyze.BoundExpr.AggregateCall;
import io.heliosdb.sql.analyze.BoundExpr.ColumnSlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-expresses select-list, HAVING and ORDER BY expressions over the aggregate's output row
 * (group keys, then aggregates), refusing columns that are neither grouped nor aggregated (42803).
 */
final class AggregateRewriter {
    private final List<BoundExpr> groupKeys;
    private final Map<AggregateCall, Integer> aggregates = new LinkedHashMap<>();

    AggregateRewriter(List<BoundExpr> groupKeys) {
        this.groupKeys = groupKeys;
    }

    /** The GROUPING() calls met, each as its arguments' key indexes; their values follow the aggregates. */
    private final List<List<Integer>> groupingCalls = new java.util.ArrayList<>();

    List<AggregateCall> aggregates() {
        return List.copyOf(aggregates.keySet());
    }

    List<List<Integer>> groupingCalls() {
        return List.copyOf(groupingCalls);
    }

    /**
     * After every expression is rewritten (so the aggregates are all known): the GROUPING() placeholders as
     * the columns after the aggregates, or as 0 when {@code plainGroupBy} (one grouping set holding every key).
     */
    BoundExpr placeGroupings(BoundExpr e, boolean plainGroupBy) {
        if (e instanceof BoundExpr.BuiltinCall b && b.name().equals(PLACEHOLDER)) {
            int call = (Integer) ((BoundExpr.Const) b.args().get(0)).value();
            return plainGroupBy ? new BoundExpr.Const(0, io.heliosdb.api.SqlType.INTEGER)
                    : new ColumnSlot(groupKeys.size() + aggregates.size() + call, io.heliosdb.api.SqlType.INTEGER, -1,
                    "grouping " + call);
        }
        return BoundExprs.mapChildren(e, x -> placeGroupings(x, plainGroupBy));
    }

    private static final String PLACEHOLDER = "grouping placeholder";

    BoundExpr rewrite(BoundExpr e) {
        int key = groupKeys.indexOf(e);
        if (key >= 0) {
            return new ColumnSlot(key, e.type(), e.typmod(), "group key " + key);
        }
        if (e instanceof AggregateCall a) {
            int index = aggregates.computeIfAbsent(a, k -> aggregates.size());
            return new ColumnSlot(groupKeys.size() + index, a.type(), -1, "aggregate " + index);
        }
        if (e instanceof BoundExpr.BuiltinCall b && GroupingFunction.is(b)) {
            List<Integer> keys = GroupingFunction.keyIndexes(b, groupKeys);
            int call = groupingCalls.indexOf(keys);
            if (call < 0) {
                call = groupingCalls.size();
                groupingCalls.add(keys);
            }
            return new BoundExpr.BuiltinCall(PLACEHOLDER,
                    List.of(new BoundExpr.Const(call, io.heliosdb.api.SqlType.INTEGER)), io.heliosdb.api.SqlType.INTEGER);
        }
        if (e instanceof ColumnSlot s) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "column \"" + s.name()
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function");
        }
        if (e instanceof BoundExpr.Subquery q && q.correlated()) {
            // Its outer references point into the rows before grouping; re-point them at the group keys.
            return BoundExprs.mapChildren(new GroupedSubqueries(groupKeys).regroup(q), this::rewrite);
        }
        return BoundExprs.mapChildren(e, this::rewrite);
    }
}
