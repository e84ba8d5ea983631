package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.ColumnBatchCursor;
import io.heliosdb.sql.analyze.BoundExpr;
import io.heliosdb.sql.analyze.BoundExpr.CompareOp;
import java.util.ArrayList;
import java.util.List;

/**
 * WHERE clauses a column batch can apply itself: ANDed comparisons of an integer column with a value
 * that does not depend on the row (a constant or parameter, possibly cast). A NULL on either side
 * makes the comparison unknown, so the row is dropped, as the row path's filter drops it. The rows
 * kept are moved to the front of the batch's arrays.
 */
final class BatchFilter {
    private record Term(int column, CompareOp op, Evaluator bound) {
    }

    private final Term[] terms;
    private final int[] readColumns;
    private final boolean[] integer;
    private boolean[] keep = new boolean[0];

    private BatchFilter(Term[] terms, boolean[] columns, SqlType[] types) {
        this.terms = terms;
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (columns[i]) {
                read.add(i);
            }
        }
        this.readColumns = read.stream().mapToInt(Integer::intValue).toArray();
        this.integer = new boolean[types.length];
        for (int i = 0; i < types.length; i++) {
            integer[i] = VectorAccumulator.integer(types[i]);
        }
    }

    private BatchFilter(BatchFilter shared) {
        this.terms = shared.terms;
        this.readColumns = shared.readColumns;
        this.integer = shared.integer;
    }

    /** The same filter with scratch space of its own, for another thread. */
    BatchFilter copy() {
        return new BatchFilter(this);
    }

    /**
     * The filter for {@code predicates} over a scan with column {@code types}, or null when some predicate
     * is not of the supported form. Marks the columns it reads in {@code columns}, which must already
     * mark every other column the batch is read for: the rows kept are moved in all of them.
     */
    static BatchFilter of(List<BoundExpr> predicates, SqlType[] types, boolean[] columns) {
        List<Term> terms = new ArrayList<>();
        for (BoundExpr p : predicates) {
            if (!collect(p, types, terms)) {
                return null;
            }
        }
        for (Term t : terms) {
            columns[t.column()] = true;
        }
        return new BatchFilter(terms.toArray(new Term[0]), columns, types);
    }

    private static boolean collect(BoundExpr e, SqlType[] types, List<Term> out) {
        if (e instanceof BoundExpr.Logical l && l.and()) {
            return collect(l.left(), types, out) && collect(l.right(), types, out);
        }
        if (!(e instanceof BoundExpr.Comparison c)) {
            return false;
        }
        if (c.left() instanceof BoundExpr.ColumnSlot slot && rowIndependent(c.right())) {
            return add(slot, c.op(), c.right(), types, out);
        }
        if (c.right() instanceof BoundExpr.ColumnSlot slot && rowIndependent(c.left())) {
            return add(slot, mirror(c.op()), c.left(), types, out);
        }
        return false;
    }

    private static boolean add(BoundExpr.ColumnSlot slot, CompareOp op, BoundExpr bound, SqlType[] types, List<Term> out) {
        if (slot.index() < 0 || slot.index() >= types.length || types[slot.index()] != slot.type()
                || !VectorAccumulator.integer(slot.type()) || bound.type() != slot.type()) {
            return false;
        }
        out.add(new Term(slot.index(), op, ExpressionCompiler.compile(bound)));
        return true;
    }

    private static boolean rowIndependent(BoundExpr e) {
        return e instanceof BoundExpr.Const || e instanceof BoundExpr.ParamRef
                || e instanceof BoundExpr.Cast c && rowIndependent(c.operand());
    }

    /** {@code bound op column} as {@code column op' bound}. */
    private static CompareOp mirror(CompareOp op) {
        return switch (op) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> op;
        };
    }

    /** Keeps the batch's first {@code n} rows that pass, moved to the front; returns how many. */
    int apply(ColumnBatchCursor batch, int n, Runtime rt) {
        if (keep.length < n) {
            keep = new boolean[n];
        }
        java.util.Arrays.fill(keep, 0, n, true);
        for (Term t : terms) {
            // Evaluated once per batch (only batches with rows reach here, as rows reach the row path's filter).
            Object bound = t.bound().evaluate(null, rt);
            if (bound == null) {
                return 0;
            }
            mark(t.op(), ((Number) bound).longValue(), batch.longs(t.column()), batch.nulls(t.column()), n);
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                if (m != i) {
                    move(batch, i, m);
                }
                m++;
            }
        }
        return m;
    }

    private void mark(CompareOp op, long b, long[] v, boolean[] nulls, int n) {
        boolean[] k = keep;
        switch (op) {
            case EQ -> {
                for (int i = 0; i < n; i++) {
                    k[i] &= v[i] == b;
                }
            }
            case NE -> {
                for (int i = 0; i < n; i++) {
                    k[i] &= v[i] != b;
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    k[i] &= v[i] < b;
                }
            }
            case LE -> {
                for (int i = 0; i < n; i++) {
                    k[i] &= v[i] <= b;
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    k[i] &= v[i] > b;
                }
            }
            case GE -> {
                for (int i = 0; i < n; i++) {
                    k[i] &= v[i] >= b;
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
        if (nulls != null) {
            for (int i = 0; i < n; i++) {
                k[i] &= !nulls[i];
            }
        }
    }

    private void move(ColumnBatchCursor batch, int from, int to) {
        for (int c : readColumns) {
            if (integer[c]) {
                long[] v = batch.longs(c);
                v[to] = v[from];
            } else {
                Object[] v = batch.values(c);
                v[to] = v[from];
            }
            boolean[] nulls = batch.nulls(c);
            if (nulls != null) {
                nulls[to] = nulls[from];
            }
        }
    }
}
