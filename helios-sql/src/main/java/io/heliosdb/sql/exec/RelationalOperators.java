package io.heliosdb.sql.exec;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.plan.LogicalPlan;
import io.heliosdb.sql.types.Values;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** The streaming operators: filter, project, nested loop join, distinct, limit. */
final class RelationalOperators {

    private RelationalOperators() {
    }

    static Operator filter(Operator input, Evaluator predicate) {
        return rt -> KeptRows.keyed(input.open(rt), row -> Boolean.TRUE.equals(predicate.evaluate(row, rt)));
    }

    static Operator project(Operator input, Evaluator[] exprs) {
        return rt -> {
            RowSource in = input.open(rt);
            return new RowSource() {
                private Object[] current;

                @Override
                public boolean next() {
                    if (!in.next()) {
                        return false;
                    }
                    Object[] source = in.row();
                    Object[] out = new Object[exprs.length];
                    for (int i = 0; i < exprs.length; i++) {
                        out[i] = exprs[i].evaluate(source, rt);
                    }
                    current = out;
                    return true;
                }

                @Override
                public Object[] row() {
                    return current;
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        };
    }

    /**
     * Nested loop join; the right side is read once per execution and kept in memory. RIGHT and FULL
     * joins remember which right rows matched and emit the others, NULL-padded, after the left side.
     */
    static Operator join(Operator left, Operator right, Evaluator condition, LogicalPlan.JoinKind kind, int leftWidth,
                         int rightWidth) {
        boolean keepLeft = kind == LogicalPlan.JoinKind.LEFT || kind == LogicalPlan.JoinKind.FULL;
        boolean keepRight = kind == LogicalPlan.JoinKind.RIGHT || kind == LogicalPlan.JoinKind.FULL;
        return rt -> {
            List<Object[]> inner = Materialize.all(right.open(rt));
            List<Integer> everyRow = allPositions(inner.size());
            return new JoinRows(left.open(rt), inner, leftRow -> everyRow, condition, rt, keepLeft, keepRight,
                    leftWidth, rightWidth);
        };
    }

    static Operator distinct(Operator input) {
        return rt -> {
            Set<List<Object>> seen = new HashSet<>();
            return KeptRows.unkeyed(input.open(rt), row -> seen.add(groupingKey(row)));
        };
    }

    /** Keeps the first row of each run of rows equal on {@code columns} (NULLs equal), for DISTINCT ON. */
    static Operator distinctOn(Operator input, int[] columns) {
        return rt -> KeptRows.unkeyed(input.open(rt), new Predicate<>() {
            private List<Object> previous;

            @Override
            public boolean test(Object[] row) {
                List<Object> key = new ArrayList<>(columns.length);
                for (int c : columns) {
                    key.add(Values.groupingKey(row[c]));
                }
                boolean first = !key.equals(previous);
                previous = key;
                return first;
            }
        });
    }

    static List<Object> groupingKey(Object[] values) {
        List<Object> key = new ArrayList<>(values.length);
        for (Object v : values) {
            key.add(Values.groupingKey(v));
        }
        return key;
    }

    static Operator limit(Operator input, Evaluator limit, Evaluator offset) {
        return rt -> {
            long max = bound(limit, rt, "LIMIT", Long.MAX_VALUE);
            long skip = bound(offset, rt, "OFFSET", 0);
            RowSource in = input.open(rt);
            return new RowSource() {
                private long skipped;
                private long returned;

                @Override
                public boolean next() {
                    while (skipped < skip) {
                        if (!in.next()) {
                            return false;
                        }
                        skipped++;
                    }
                    if (returned >= max || !in.next()) {
                        return false;
                    }
                    returned++;
                    return true;
                }

                @Override
                public Object[] row() {
                    return in.row();
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        };
    }

    private static long bound(Evaluator e, Runtime rt, String clause, long absent) {
        if (e == null) {
            return absent;
        }
        Object v = e.evaluate(null, rt);
        if (v == null) {
            return absent;
        }
        long n = (Long) v;
        if (n < 0) {
            throw new HeliosException(clause.equals("OFFSET") ? SqlState.INVALID_ROW_COUNT_IN_RESULT_OFFSET_CLAUSE
                    : SqlState.INVALID_ROW_COUNT_IN_LIMIT_CLAUSE, clause + " must not be negative");
        }
        return n;
    }

    /** 0, 1, …, size - 1 as a list, without storing it. */
    private static List<Integer> allPositions(int size) {
        return new java.util.AbstractList<>() {
            @Override
            public Integer get(int index) {
                return index;
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
