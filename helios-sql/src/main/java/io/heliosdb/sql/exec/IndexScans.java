package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.plan.LogicalPlan.IndexScan;
import io.heliosdb.sql.schema.IndexDef;
import io.heliosdb.sql.types.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs an {@link IndexScan}: computes its bounds from the statement's parameters (or the outer row of an
 * index join), converts them to the key columns' types and asks the kernel for the key range. A NULL
 * compared with {@code =} or a range matches nothing; an integer beyond the column's range makes an
 * equality match nothing and a range bound either empty or open, as the comparison would.
 */
final class IndexScans {
    /** Marks a value above (or below) every value of the key column's type. */
    private enum OutOfRange { ABOVE, BELOW }

    private IndexScans() {
    }

    static Operator scan(IndexScan plan) {
        Evaluator[] prefix = new Evaluator[plan.prefix().size()];
        boolean[] isNull = new boolean[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            isNull[i] = plan.prefix().get(i) instanceof BoundExpr.IsNull;
            prefix[i] = isNull[i] ? null : ExpressionCompiler.compile(plan.prefix().get(i));
        }
        Evaluator[] in = plan.in() == null ? null : ExpressionCompiler.compileAll(plan.in());
        Evaluator lower = plan.lower() == null ? null : ExpressionCompiler.compile(plan.lower());
        Evaluator upper = plan.upper() == null ? null : ExpressionCompiler.compile(plan.upper());
        IndexDef index = plan.index();
        SqlType[] types = new SqlType[index.columns().size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = plan.table().columns().get(index.columns().get(i)).type();
        }
        int next = prefix.length;
        return rt -> {
            Object[] key = new Object[prefix.length];
            for (int i = 0; i < prefix.length; i++) {
                if (!isNull[i]) {
                    Object v = coerce(prefix[i].evaluate(null, rt), types[i]);
                    if (v == null || v instanceof OutOfRange) {
                        return Sources.EMPTY;
                    }
                    key[i] = v;
                }
            }
            if (in != null) {
                return probes(rt, index, key, in, types[next], plan.reverse());
            }
            if (lower == null && upper == null) {
                return open(rt, index, key, true, key, true, plan.reverse());
            }
            Object lo = null;
            Object hi = null;
            if (lower != null) {
                lo = coerce(lower.evaluate(null, rt), types[next]);
                if (lo == null || lo == OutOfRange.ABOVE) {
                    return Sources.EMPTY;
                }
            }
            if (upper != null) {
                hi = coerce(upper.evaluate(null, rt), types[next]);
                if (hi == null || hi == OutOfRange.BELOW) {
                    return Sources.EMPTY;
                }
            }
            boolean loSet = lo != null && lo != OutOfRange.BELOW;
            boolean hiSet = hi != null && hi != OutOfRange.ABOVE;
            if (loSet && hiSet && Values.compare(lo, hi) > 0) {
                return Sources.EMPTY;
            }
            // The kernel's bounds are in index order: on a DESC column the value-upper bound comes first.
            // An end without a value bound still excludes NULLs, which no comparison matches.
            Object[] nullKey = append(key, null);
            Object[] valueLow = loSet ? append(key, lo) : null;
            Object[] valueHigh = hiSet ? append(key, hi) : null;
            if (!index.descending().get(next)) {
                return open(rt, index, loSet ? valueLow : key, !loSet || plan.lowerInclusive(),
                        hiSet ? valueHigh : nullKey, hiSet && plan.upperInclusive(), plan.reverse());
            }
            return open(rt, index, hiSet ? valueHigh : nullKey, hiSet && plan.upperInclusive(),
                    loSet ? valueLow : key, !loSet || plan.lowerInclusive(), plan.reverse());
        };
    }

    /** One probe per distinct IN value, in index order so the rows come out as a range scan's would. */
    private static RowSource probes(Runtime rt, IndexDef index, Object[] key, Evaluator[] in, SqlType type,
                                    boolean reverse) {
        TreeSet<Object> values = new TreeSet<>(Values::compare);
        for (Evaluator e : in) {
            Object v = coerce(e.evaluate(null, rt), type);
            if (v != null && !(v instanceof OutOfRange)) {
                values.add(v);
            }
        }
        boolean descending = index.descending().get(key.length) != reverse;
        Iterator<Object> it = descending ? values.descendingIterator() : values.iterator();
        List<Object[]> keys = new ArrayList<>();
        it.forEachRemaining(v -> keys.add(append(key, v)));
        return new RowSource() {
            private int at;
            private RowSource current = Sources.EMPTY;

            @Override
            public boolean next() {
                while (!current.next()) {
                    current.close();
                    if (at == keys.size()) {
                        current = Sources.EMPTY;
                        return false;
                    }
                    Object[] k = keys.get(at++);
                    current = open(rt, index, k, true, k, true, reverse);
                }
                return true;
            }

            @Override
            public Object[] row() {
                return current.row();
            }

            @Override
            public byte[] rowKey() {
                return current.rowKey();
            }

            @Override
            public void close() {
                current.close();
            }
        };
    }

    private static Object[] append(Object[] key, Object value) {
        Object[] out = Arrays.copyOf(key, key.length + 1);
        out[key.length] = value;
        return out;
    }

    private static RowSource open(Runtime rt, IndexDef index, Object[] lower, boolean lowerInclusive, Object[] upper,
                                  boolean upperInclusive, boolean reverse) {
        RowCursor cursor = rt.context().indexScan(index, lower, lowerInclusive, upper, upperInclusive, reverse);
        return TableSources.cursor(cursor, rt);
    }

    /** The value as the key column's type; null for NULL, or which side of the type's range it lies on. */
    private static Object coerce(Object value, SqlType type) {
        if (value == null || !type.isInteger() || type.javaClass().isInstance(value)) {
            return value;
        }
        long v = ((Number) value).longValue();
        long min = type == SqlType.SMALLINT ? Short.MIN_VALUE : type == SqlType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long max = type == SqlType.SMALLINT ? Short.MAX_VALUE : type == SqlType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (v > max) {
            return OutOfRange.ABOVE;
        } else if (v < min) {
            return OutOfRange.BELOW;
        }
        return switch (type) {
            case SMALLINT -> (short) v;
            case INTEGER -> (int) v;
            default -> v;
        };
    }
}
