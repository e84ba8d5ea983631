package io.heliosdb.sql.exec;

import io.heliosdb.api.Column;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.sql.types.TypedOrder;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * GROUP BY and DISTINCT over values whose SQL equality is not their Java equality (jsonb {@code 1} and
 * {@code 1.0} are one group): such key values travel through the hash operators wrapped in {@link Keyed},
 * which compares by the SQL grouping key, and are unwrapped after. Other types take the plain path; json,
 * which has no equality operator, is refused as PostgreSQL does.
 */
final class TypedGrouping {

    private TypedGrouping() {
    }

    /** A value that is equal to another when their SQL grouping keys are. */
    record Keyed(Object value, Object key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Keyed k && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key);
        }
    }

    /** Refuses json keys; true when some key needs wrapping. */
    static boolean needed(List<SqlType> types) {
        boolean special = false;
        for (SqlType t : types) {
            if (t == SqlType.JSON) {
                throw new HeliosException(SqlState.UNDEFINED_FUNCTION, "could not identify an equality operator for type json");
            }
            special |= TypedOrder.special(t);
        }
        return special;
    }

    /** Group key evaluators whose special-typed values come out wrapped. */
    static Evaluator[] wrapKeys(Evaluator[] keys, List<SqlType> types) {
        Evaluator[] out = keys.clone();
        for (int i = 0; i < keys.length; i++) {
            if (TypedOrder.special(types.get(i))) {
                Evaluator key = keys[i];
                UnaryOperator<Object> form = TypedOrder.groupingKey(types.get(i));
                out[i] = (row, rt) -> wrap(key.evaluate(row, rt), form);
            }
        }
        return out;
    }

    /** DISTINCT comparing special-typed columns by their grouping keys. */
    static Operator distinct(Operator input, List<Column> columns) {
        int n = columns.size();
        @SuppressWarnings("unchecked")
        UnaryOperator<Object>[] forms = new UnaryOperator[n];
        for (int i = 0; i < n; i++) {
            forms[i] = TypedOrder.special(columns.get(i).type()) ? TypedOrder.groupingKey(columns.get(i).type()) : null;
        }
        Operator wrapped = rt -> map(input.open(rt), row -> {
            Object[] out = row.clone();
            for (int i = 0; i < n; i++) {
                if (forms[i] != null) {
                    out[i] = wrap(out[i], forms[i]);
                }
            }
            return out;
        });
        return unwrap(RelationalOperators.distinct(wrapped));
    }

    /** The operator's rows with every wrapped value unwrapped. */
    static Operator unwrap(Operator input) {
        return rt -> map(input.open(rt), row -> {
            Object[] out = row;
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Keyed k) {
                    if (out == row) {
                        out = row.clone();
                    }
                    out[i] = k.value();
                }
            }
            return out;
        });
    }

    private static Object wrap(Object v, UnaryOperator<Object> form) {
        return v == null ? null : new Keyed(v, form.apply(v));
    }

    private static RowSource map(RowSource in, UnaryOperator<Object[]> f) {
        return new RowSource() {
            private Object[] row;

            @Override
            public boolean next() {
                if (!in.next()) {
                    return false;
                }
                row = f.apply(in.row());
                return true;
            }

            @Override
            public Object[] row() {
                return row;
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
