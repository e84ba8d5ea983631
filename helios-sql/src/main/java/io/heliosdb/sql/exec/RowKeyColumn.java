package io.heliosdb.sql.exec;

import java.util.Arrays;

/** Appends each row's stored key to the row, for {@link io.heliosdb.sql.plan.LogicalPlan.WithRowKey}. */
final class RowKeyColumn {

    private RowKeyColumn() {
    }

    static Operator append(Operator input) {
        return rt -> {
            RowSource in = input.open(rt);
            return new RowSource() {
                @Override
                public boolean next() {
                    return in.next();
                }

                @Override
                public Object[] row() {
                    Object[] row = in.row();
                    Object[] out = Arrays.copyOf(row, row.length + 1);
                    out[row.length] = in.rowKey();
                    return out;
                }

                @Override
                public byte[] rowKey() {
                    return in.rowKey();
                }

                @Override
                public void close() {
                    in.close();
                }
            };
        };
    }
}
