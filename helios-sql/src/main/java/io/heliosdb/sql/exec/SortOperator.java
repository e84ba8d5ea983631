package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan.SortKey;
import io.heliosdb.sql.types.Values;
import java.util.Comparator;
import java.util.List;

/** ORDER BY: reads all input rows, then returns them sorted (stable, so ties keep input order). */
final class SortOperator {

    private SortOperator() {
    }

    static Operator sort(Operator input, List<SortKey> keys) {
        Comparator<Object[]> comparator = comparator(keys);
        return rt -> {
            List<Object[]> rows = Materialize.all(input.open(rt));
            rows.sort(comparator);
            return Sources.of(rows);
        };
    }

    /** Rows in the order of {@code keys} (columns of the row), the first key most significant. */
    static Comparator<Object[]> comparator(List<SortKey> keys) {
        Comparator<Object[]> order = (a, b) -> 0;
        for (SortKey key : keys) {
            order = order.thenComparing(comparator(key));
        }
        return order;
    }

    private static Comparator<Object[]> comparator(SortKey key) {
        int column = key.column();
        boolean descending = key.descending();
        boolean nullsFirst = key.nullsFirst();
        return (a, b) -> {
            Object x = a[column];
            Object y = b[column];
            if (x == null || y == null) {
                if (x == y) {
                    return 0;
                }
                return (x == null) == nullsFirst ? -1 : 1;
            }
            int c = Values.compare(x, y);
            return descending ? -c : c;
        };
    }
}
