package io.heliosdb.sql.analyze;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which references in a query's text bind to one column of one table, noted while the query is analyzed
 * (ALTER TABLE ... RENAME COLUMN under a view must rename exactly those, not the ones that would bind
 * elsewhere once the name is gone). Only analysis on this thread inside {@link #watch} is noted; views read
 * by the query are their own texts and are not watched.
 */
final class ColumnBindings {
    private static final ThreadLocal<ColumnBindings> ACTIVE = new ThreadLocal<>();

    private final long table;
    private final int column;
    /** 0-based text positions of the column references found. */
    final Set<Integer> positions = new TreeSet<>();
    /** Whether JOIN ... USING (or NATURAL JOIN) matched the column by its name. */
    boolean inUsing;

    private ColumnBindings(long table, int column) {
        this.table = table;
        this.column = column;
    }

    /** The references to column {@code column} of table {@code table} that {@code analysis} binds. */
    static ColumnBindings watch(long table, int column, Runnable analysis) {
        ColumnBindings bindings = new ColumnBindings(table, column);
        ColumnBindings outer = ACTIVE.get();
        ACTIVE.set(bindings);
        try {
            analysis.run();
        } finally {
            ACTIVE.set(outer);
        }
        return bindings;
    }

    /** {@code work} with nothing noted (a view's own text, whose positions are not the query's). */
    static <T> T unwatched(Supplier<T> work) {
        ColumnBindings outer = ACTIVE.get();
        if (outer == null) {
            return work.get();
        }
        ACTIVE.remove();
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    /** A reference at 1-based {@code position} (0: a USING name) bound to column {@code i} of {@code entry}. */
    static void bound(Scope.Entry entry, int i, int position) {
        ColumnBindings b = ACTIVE.get();
        if (b == null || entry.isMerge() || entry.table().id() != b.table || i != b.column) {
            return;
        }
        if (position <= 0) {
            b.inUsing = true;
        } else {
            b.positions.add(position - 1);
        }
    }
}
