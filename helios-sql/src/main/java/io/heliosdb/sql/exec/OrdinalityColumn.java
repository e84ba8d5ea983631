package io.heliosdb.sql.exec;

import java.util.Arrays;

/** WITH ORDINALITY: each row of a function in FROM followed by its number (bigint, from 1 on each open). */
final class OrdinalityColumn {

    private OrdinalityColumn() {
    }

    static Operator append(Operator input) {
        return rt -> {
            RowSource in = input.open(rt);
            return new RowSource() {
                private long number;
                private Object[] row;

                @Override
                public boolean next() {
                    if (!in.next()) {
                        return false;
                    }
                    Object[] r = in.row();
                    row = Arrays.copyOf(r, r.length + 1);
                    row[r.length] = ++number;
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
        };
    }
}
