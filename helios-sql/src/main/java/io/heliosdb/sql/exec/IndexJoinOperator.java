package io.heliosdb.sql.exec;

/**
 * Index nested loop join: the right side is opened once per left row, with that row as its outer row,
 * so its index probe reads the left row's join column. LEFT keeps unmatched left rows, NULL-padded.
 */
final class IndexJoinOperator {

    private IndexJoinOperator() {
    }

    static Operator join(Operator left, Operator right, Evaluator condition, boolean keepLeft, int leftWidth,
                         int rightWidth) {
        return rt -> {
            RowSource outer = left.open(rt);
            return new RowSource() {
                private Object[] leftRow;
                private RowSource inner;
                private boolean matched;
                private Object[] current;

                @Override
                public boolean next() {
                    while (true) {
                        if (inner == null) {
                            if (!outer.next()) {
                                return false;
                            }
                            leftRow = outer.row();
                            inner = right.open(rt.nested(leftRow));
                            matched = false;
                        }
                        while (inner.next()) {
                            Object[] combined = combine(leftRow, inner.row());
                            if (Boolean.TRUE.equals(condition.evaluate(combined, rt))) {
                                matched = true;
                                current = combined;
                                return true;
                            }
                        }
                        inner.close();
                        inner = null;
                        if (keepLeft && !matched) {
                            current = combine(leftRow, new Object[rightWidth]);
                            return true;
                        }
                    }
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
                    if (inner != null) {
                        inner.close();
                    }
                    outer.close();
                }
            };
        };
    }
}
