package io.heliosdb.sql.exec;

import java.util.function.Predicate;

/**
 * The rows of an input that a test keeps, passed on unchanged and in order: a filter, DISTINCT,
 * DISTINCT ON, INTERSECT, EXCEPT, and EXPLAIN ANALYZE's row counter (which keeps every row). The test may
 * hold state (rows seen so far); it sees each row once. A filtered row stays addressable by its storage key
 * (WHERE CURRENT OF); a row that DISTINCT or a set operation keeps stands for several stored rows, so it
 * has none, as PostgreSQL's cursors over them are not updatable.
 */
final class KeptRows implements RowSource {
    private final RowSource in;
    private final Predicate<Object[]> keep;
    private final boolean keyed;

    private KeptRows(RowSource in, Predicate<Object[]> keep, boolean keyed) {
        this.in = in;
        this.keep = keep;
        this.keyed = keyed;
    }

    /** Rows that stay rows of their table: their storage key passes through. */
    static RowSource keyed(RowSource in, Predicate<Object[]> keep) {
        return new KeptRows(in, keep, true);
    }

    /** Rows that stand for a set of rows (a DISTINCT or set operation's result): no storage key. */
    static RowSource unkeyed(RowSource in, Predicate<Object[]> keep) {
        return new KeptRows(in, keep, false);
    }

    @Override
    public boolean next() {
        while (in.next()) {
            if (keep.test(in.row())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object[] row() {
        return in.row();
    }

    @Override
    public byte[] rowKey() {
        return keyed ? in.rowKey() : null;
    }

    @Override
    public void close() {
        in.close();
    }
}
