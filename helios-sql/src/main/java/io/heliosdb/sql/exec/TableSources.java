package io.heliosdb.sql.exec;

import io.heliosdb.api.SqlType;
import io.heliosdb.sql.RowCursor;
import io.heliosdb.sql.schema.TableDef;

/** Row sources over the kernel's table cursors. */
final class TableSources {

    private TableSources() {
    }

    static Operator scan(TableDef table) {
        return rt -> cursor(rt.context().scan(table), rt);
    }

    static Operator lookup(TableDef table, Evaluator[] key) {
        SqlType[] keyTypes = new SqlType[key.length];
        for (int i = 0; i < key.length; i++) {
            keyTypes[i] = table.columns().get(table.primaryKey().get(i)).type();
        }
        return rt -> {
            Object[] values = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                values[i] = narrow(key[i].evaluate(null, rt), keyTypes[i]);
                if (values[i] == null) {
                    // A NULL key, or one outside the column's range, matches no row.
                    return Sources.EMPTY;
                }
            }
            return cursor(rt.context().lookup(table, values), rt);
        };
    }

    /** {@code value} as the key column's type; null when it is out of that type's range (no row can match). */
    static Object narrow(Object value, SqlType columnType) {
        if (value == null || !columnType.isInteger() || columnType.javaClass().isInstance(value)) {
            return value;
        }
        long v = ((Number) value).longValue();
        return switch (columnType) {
            case SMALLINT -> v < Short.MIN_VALUE || v > Short.MAX_VALUE ? null : (Object) (short) v;
            case INTEGER -> v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (Object) (int) v;
            default -> (Object) v;
        };
    }

    static RowSource cursor(RowCursor cursor, Runtime rt) {
        return new RowSource() {
            @Override
            public boolean next() {
                rt.context().checkCancelled();
                return cursor.next();
            }

            @Override
            public Object[] row() {
                return cursor.row();
            }

            @Override
            public byte[] rowKey() {
                return cursor.rowKey();
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }
}
