package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan.SetKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNION, INTERSECT and EXCEPT. The right input is read into a multiset of rows (NULLs compare equal
 * here, as set operations treat them as not distinct); the left streams through it.
 */
final class SetOperators {

    private SetOperators() {
    }

    static Operator compile(SetKind kind, boolean all, Operator left, Operator right) {
        if (kind == SetKind.UNION) {
            Operator both = rt -> concat(left.open(rt), right, rt);
            return all ? both : RelationalOperators.distinct(both);
        }
        boolean intersect = kind == SetKind.INTERSECT;
        return rt -> {
            Map<List<Object>, Integer> counts = new HashMap<>();
            for (Object[] row : Materialize.all(right.open(rt))) {
                counts.merge(RelationalOperators.groupingKey(row), 1, Integer::sum);
            }
            Set<List<Object>> emitted = new HashSet<>();
            return KeptRows.unkeyed(left.open(rt), row -> {
                List<Object> key = RelationalOperators.groupingKey(row);
                int remaining = counts.getOrDefault(key, 0);
                if (!all) {
                    return intersect == remaining > 0 && emitted.add(key);
                }
                if (remaining > 0) {
                    counts.put(key, remaining - 1);
                }
                return intersect == remaining > 0;
            });
        };
    }

    /** The left rows, then the right rows; the right input opens only once the left is done. */
    private static RowSource concat(RowSource first, Operator second, Runtime rt) {
        return new RowSource() {
            private RowSource current = first;
            private boolean onSecond;

            @Override
            public boolean next() {
                if (current.next()) {
                    return true;
                }
                if (!onSecond) {
                    first.close();
                    onSecond = true;
                    current = second.open(rt);
                    return current.next();
                }
                return false;
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }
}
