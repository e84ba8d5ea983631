package io.heliosdb.sql.exec;

import io.heliosdb.sql.plan.LogicalPlan.SortKey;
import io.heliosdb.sql.types.TypedOrder;
import io.heliosdb.sql.types.Values;
import java.util.Comparator;
import java.util.List;

/** ORDER BY: reads all input rows, then returns them sorted (stable, so ties keep input order). */
final class SortOperator {

    private SortOperator() {
    }

    static Operator sort(Operator input, List<SortKey> keys) {
        return sort(input, keys, null);
    }

    /** Sorts with each key compared as its column's SQL type orders ({@code columns} null: by Java value). */
    static Operator sort(Operator input, List<SortKey> keys, List<io.heliosdb.api.Column> columns) {
        Comparator<Object[]> comparator = comparator(keys, columns);
        return rt -> {
            List<Object[]> rows = Materialize.all(input.open(rt));
            rows.sort(comparator);
            return Sources.of(rows);
        };
    }

    /** Rows in the order of {@code keys} (columns of the row), the first key most significant. */
    static Comparator<Object[]> comparator(List<SortKey> keys) {
        return comparator(keys, null);
    }

    static Comparator<Object[]> comparator(List<SortKey> keys, List<io.heliosdb.api.Column> columns) {
        Comparator<Object[]> order = (a, b) -> 0;
        for (SortKey key : keys) {
            if (columns != null && columns.get(key.column()).type() == io.heliosdb.api.SqlType.JSON) {
                throw new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.UNDEFINED_FUNCTION,
                        "could not identify an ordering operator for type json", null,
                        "Use an explicit ordering operator or modify the query.", -1, null);
            }
            Comparator<Object> values = columns == null ? Values::compare
                    : TypedOrder.comparator(columns.get(key.column()).type());
            order = order.thenComparing(comparator(key, values));
        }
        return order;
    }

    private static Comparator<Object[]> comparator(SortKey key, Comparator<Object> values) {
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
            int c = values.compare(x, y);
            return descending ? -c : c;
        };
    }
}
