package io.heliosdb.sql.exec;

import java.util.Arrays;

/**
 * The executor's side of {@link io.heliosdb.sql.plan.RowKeyColumn}: a scan of a table read keyed (the
 * locked tables of SELECT ... FOR UPDATE, the target of UPDATE ... FROM / DELETE ... USING) runs as the
 * stored table's scan, each row followed by its storage key.
 */
final class RowKeyColumn {

    private RowKeyColumn() {
    }

    /** The rows of a table scan with the stored row key appended as one more column. */
    static Operator append(Operator scan) {
        return rt -> {
            RowSource rows = scan.open(rt);
            return new RowSource() {
                private Object[] row;

                @Override
                public boolean next() {
                    if (!rows.next()) {
                        return false;
                    }
                    Object[] stored = rows.row();
                    row = Arrays.copyOf(stored, stored.length + 1);
                    row[stored.length] = rows.rowKey();
                    return true;
                }

                @Override
                public Object[] row() {
                    return row;
                }

                @Override
                public byte[] rowKey() {
                    return rows.rowKey();
                }

                @Override
                public void close() {
                    rows.close();
                }
            };
        };
    }

}
