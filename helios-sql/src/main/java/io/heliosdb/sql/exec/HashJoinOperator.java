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
            boolean[] rightMatched = new boolean[keepRight ? inner.size() : 0];
            RowSource outer = left.open(rt);
            return new RowSource() {
                private Object[] leftRow;
                private List<Integer> candidates;
                private int position;
                private boolean matched;
                private boolean leftDone;
                private int unmatchedRight;
                private Object[] current;

                @Override
                public boolean next() {
                    while (!leftDone) {
                        if (leftRow == null) {
                            if (!outer.next()) {
                                leftDone = true;
                                break;
                            }
                            leftRow = outer.row();
                            // Nothing can match an empty table: its keys are not even computed.
                            Object key = table.isEmpty() ? null : key(leftKeys, leftRow, rt);
                            candidates = key == null ? List.of() : table.getOrDefault(key, List.of());
                            position = 0;
                            matched = false;
                        }
                        while (position < candidates.size()) {
                            int at = candidates.get(position++);
                            Object[] combined = combine(leftRow, inner.get(at));
                            if (Boolean.TRUE.equals(condition.evaluate(combined, rt))) {
                                matched = true;
                                if (keepRight) {
                                    rightMatched[at] = true;
                                }
                                current = combined;
                                return true;
                            }
                        }
                        Object[] unmatched = leftRow;
                        leftRow = null;
                        if (keepLeft && !matched) {
                            current = combine(unmatched, new Object[rightWidth]);
                            return true;
                        }
                    }
                    while (unmatchedRight < rightMatched.length) {
                        int at = unmatchedRight++;
                        if (!rightMatched[at]) {
                            current = combine(new Object[leftWidth], inner.get(at));
                            return true;
                        }
                    }
                    return false;
                }

                private Object[] combine(Object[] l, Object[] r) {
                    Object[] out = new Object[leftWidth + rightWidth];
                    System.arraycopy(l, 0, out, 0, leftWidth);
                    System.arraycopy(r, 0, out, leftWidth, rightWidth);
                    return out;
                }

                @Override
                public Object[] row() {
                    return current;
                }

                @Override
                public void close() {
                    outer.close();
                }
            };
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
