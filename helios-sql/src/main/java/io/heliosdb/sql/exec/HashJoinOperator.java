package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan.JoinKind;
import io.heliosdb.sql.types.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hash join: the right side is read once into a table from key to the positions of its rows; each left
 * row probes it and the join condition is checked on each candidate. Rows come out in the nested loop's
 * order (left order, then right order within a key). RIGHT and FULL emit the right rows no pair
 * matched, NULL-padded, after the left side.
 */
final class HashJoinOperator {

    private HashJoinOperator() {
    }

    static Operator join(Operator left, Operator right, Evaluator[] leftKeys, Evaluator[] rightKeys, Evaluator condition,
                         JoinKind kind, int leftWidth, int rightWidth) {
        boolean keepLeft = kind == JoinKind.LEFT || kind == JoinKind.FULL;
        boolean keepRight = kind == JoinKind.RIGHT || kind == JoinKind.FULL;
        return rt -> {
            List<Object[]> inner = Materialize.all(right.open(rt));
            Map<Object, List<Integer>> table = new HashMap<>();
            for (int i = 0; i < inner.size(); i++) {
                Object key = key(rightKeys, inner.get(i), rt);
                if (key != null) {
                    table.computeIfAbsent(key, k -> new ArrayList<>(1)).add(i);
                }
            }
            // Nothing can match an empty table: the outer keys are not even computed then.
            return new JoinRows(left.open(rt), inner, leftRow -> {
                Object key = table.isEmpty() ? null : key(leftKeys, leftRow, rt);
                return key == null ? List.of() : table.getOrDefault(key, List.of());
            }, condition, rt, keepLeft, keepRight, leftWidth, rightWidth);
        };
    }

    /** The row's hash key (equal for SQL-equal values), or null when a key value is NULL: it matches nothing. */
    private static Object key(Evaluator[] keys, Object[] row, Runtime rt) {
        if (keys.length == 1) {
            Object v = keys[0].evaluate(row, rt);
            return v == null ? null : Values.groupingKey(v);
        }
        List<Object> out = new ArrayList<>(keys.length);
        for (Evaluator k : keys) {
            Object v = k.evaluate(row, rt);
            if (v == null) {
                return null;
            }
            out.add(Values.groupingKey(v));
        }
        return out;
    }
}
