package io.heliosdb.sql.analyze;

import io.heliosdb.api.Column;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * GROUPING SETS, ROLLUP and CUBE as PostgreSQL defines them: one grouping of the input per set, the
 * keys outside the set NULL, all appended (UNION ALL). Each set's rows have the plain aggregate's layout
 * (every key, then the aggregates), so the select list and HAVING bind exactly as for GROUP BY.
 */
final class GroupingSetsPlan {

    private GroupingSetsPlan() {
    }

    /**
     * @param columns       the keys' then the aggregates' columns
     * @param groupingCalls the GROUPING() calls (their arguments' key indexes), whose values, constant per
     *                      set, follow the aggregates in the output
     */
    static LogicalPlan build(LogicalPlan input, List<BoundExpr> keys, List<List<Integer>> sets,
                             List<BoundExpr.AggregateCall> aggregates, List<Column> aggregateColumns,
                             List<List<Integer>> groupingCalls) {
        List<Column> columns = new ArrayList<>(aggregateColumns);
        groupingCalls.forEach(c -> columns.add(new Column("grouping", SqlType.INTEGER)));
        LogicalPlan out = null;
        for (List<Integer> set : sets) {
            List<BoundExpr> setKeys = set.stream().map(keys::get).toList();
            List<Column> setColumns = new ArrayList<>();
            set.forEach(i -> setColumns.add(columns.get(i)));
            setColumns.addAll(aggregateColumns.subList(keys.size(), aggregateColumns.size()));
            LogicalPlan grouped = new LogicalPlan.Aggregate(input, setKeys, aggregates, setColumns);
            List<BoundExpr> layout = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                int position = set.indexOf(k);
                Column c = columns.get(k);
                layout.add(position < 0 ? new BoundExpr.Const(null, c.type())
                        : new BoundExpr.ColumnSlot(position, c.type(), c.typmod(), c.name()));
            }
            for (int a = 0; a < aggregates.size(); a++) {
                Column c = columns.get(keys.size() + a);
                layout.add(new BoundExpr.ColumnSlot(set.size() + a, c.type(), c.typmod(), c.name()));
            }
            for (List<Integer> call : groupingCalls) {
                layout.add(new BoundExpr.Const(GroupingFunction.value(call, set), SqlType.INTEGER));
            }
            LogicalPlan projected = new LogicalPlan.Project(grouped, layout, columns);
            out = out == null ? projected : new LogicalPlan.SetOp(LogicalPlan.SetKind.UNION, true, out, projected, columns);
        }
        return out;
    }
}
