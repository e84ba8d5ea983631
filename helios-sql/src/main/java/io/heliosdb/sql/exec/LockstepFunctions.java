package io.heliosdb.sql.exec;

import java.util.List;

/**
 * Several set-returning functions run side by side (ROWS FROM, {@code unnest(a, b)}, several in a select
 * list): each row holds every function's next row, NULLs for the functions already done, until all are.
 */
final class LockstepFunctions {

    private LockstepFunctions() {
    }

    static Operator zip(List<Operator> functions, int[] widths) {
        int width = 0;
        for (int w : widths) {
            width += w;
        }
        int total = width;
        return rt -> {
            RowSource[] sources = new RowSource[functions.size()];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = functions.get(i).open(rt);
            }
            return new RowSource() {
                private final boolean[] done = new boolean[sources.length];
                private Object[] row;

                @Override
                public boolean next() {
                    Object[] out = new Object[total];
                    boolean any = false;
                    int at = 0;
                    for (int i = 0; i < sources.length; i++) {
                        if (!done[i] && sources[i].next()) {
                            System.arraycopy(sources[i].row(), 0, out, at, widths[i]);
                            any = true;
                        } else {
                            done[i] = true;
                        }
                        at += widths[i];
                    }
                    row = out;
                    return any;
                }

                @Override
                public Object[] row() {
                    return row;
                }

                @Override
                public void close() {
                    for (RowSource s : sources) {
                        s.close();
                    }
                }
            };
        };
    }
}
