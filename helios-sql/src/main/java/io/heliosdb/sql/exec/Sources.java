package io.heliosdb.sql.exec;

import java.util.Iterator;
import java.util.List;

/** Small row sources: empty, one row, and a list. */
final class Sources {

    static final RowSource EMPTY = new RowSource() {
        @Override
        public boolean next() {
            return false;
        }

        @Override
        public Object[] row() {
            throw new IllegalStateException("no row");
        }
    };

    private Sources() {
    }

    static RowSource of(List<Object[]> rows) {
        Iterator<Object[]> it = rows.iterator();
        return new RowSource() {
            private Object[] current;

            @Override
            public boolean next() {
                if (!it.hasNext()) {
                    return false;
                }
                current = it.next();
                return true;
            }

            @Override
            public Object[] row() {
                return current;
            }
        };
    }
}
