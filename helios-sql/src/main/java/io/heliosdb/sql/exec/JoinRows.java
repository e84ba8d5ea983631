package io.heliosdb.sql.exec;

import java.util.List;
import java.util.function.Function;

/**
 * The row loop the nested-loop and hash joins share: each outer row meets, in order, the inner rows
 * its candidate finder names, and a pair is emitted when the condition holds. LEFT/FULL emit an outer
 * row no pair matched, NULL-padded; RIGHT/FULL remember which inner rows matched and emit the others,
 * NULL-padded, after the outer side.
 */
final class JoinRows implements RowSource {
    private final RowSource outer;
    private final List<Object[]> inner;
    private final Function<Object[], List<Integer>> candidatesOf;
    private final Evaluator condition;
    private final Runtime rt;
    private final boolean keepLeft;
    private final boolean[] rightMatched;
    private final int leftWidth;
    private final int rightWidth;

    private Object[] leftRow;
    private List<Integer> candidates;
    private int position;
    private boolean matched;
    private boolean leftDone;
    private int unmatchedRight;
    private Object[] current;

    /**
     * @param candidatesOf positions in {@code inner} that may pair with an outer row, ascending
     * @param condition    checked on each combined pair; null accepts every pair
     */
    JoinRows(RowSource outer, List<Object[]> inner, Function<Object[], List<Integer>> candidatesOf,
             Evaluator condition, Runtime rt, boolean keepLeft, boolean keepRight, int leftWidth, int rightWidth) {
        this.outer = outer;
        this.inner = inner;
        this.candidatesOf = candidatesOf;
        this.condition = condition;
        this.rt = rt;
        this.keepLeft = keepLeft;
        this.rightMatched = new boolean[keepRight ? inner.size() : 0];
        this.leftWidth = leftWidth;
        this.rightWidth = rightWidth;
    }

    @Override
    public boolean next() {
        while (!leftDone) {
            if (leftRow == null) {
                if (!outer.next()) {
                    leftDone = true;
                    break;
                }
                leftRow = outer.row();
                candidates = candidatesOf.apply(leftRow);
                position = 0;
                matched = false;
            }
            while (position < candidates.size()) {
                int at = candidates.get(position++);
                Object[] combined = combine(leftRow, inner.get(at));
                if (condition == null || Boolean.TRUE.equals(condition.evaluate(combined, rt))) {
                    matched = true;
                    if (rightMatched.length > 0) {
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
}
