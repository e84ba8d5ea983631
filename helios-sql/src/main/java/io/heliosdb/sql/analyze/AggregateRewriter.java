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

    List<AggregateCall> aggregates() {
        return List.copyOf(aggregates.keySet());
    }

    BoundExpr rewrite(BoundExpr e) {
        int key = groupKeys.indexOf(e);
        if (key >= 0) {
            return new ColumnSlot(key, e.type(), e.typmod(), "group key " + key);
        }
        if (e instanceof AggregateCall a) {
            int index = aggregates.computeIfAbsent(a, k -> aggregates.size());
            return new ColumnSlot(groupKeys.size() + index, a.type(), -1, "aggregate " + index);
        }
        if (e instanceof ColumnSlot s) {
            throw new HeliosException(SqlState.GROUPING_ERROR, "column \"" + s.name()
                    + "\" must appear in the GROUP BY clause or be used in an aggregate function");
        }
        if (e instanceof BoundExpr.Subquery q && q.correlated()) {
            // Its outer references point into the rows before grouping, which no longer exist here.
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                    "correlated subqueries in the select list, HAVING or ORDER BY of a grouped query are not supported");
        }
        return BoundExprs.mapChildren(e, this::rewrite);
    }
}
