package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tables a clause can see; their columns are laid out one after another in the input row. A join
 * with USING or NATURAL adds a merged entry (no name) holding the joined columns once; unqualified
 * names and {@code *} then use it instead of the two sides' copies, which stay reachable qualified.
 */
public final class Scope {
    static final Scope EMPTY = new Scope(List.of());

    /**
     * One FROM entry: its exposed name (alias or table name, empty for a merged entry), its table, where
     * its columns start, and the columns unqualified names and {@code *} skip because a merge covers them.
     */
    record Entry(String name, TableDef table, int offset, Set<String> merged) {
        boolean isMerge() {
            return name.isEmpty();
        }

        /** Whether an unqualified reference or {@code *} sees column {@code i}. */
        boolean exposes(int i) {
            return !merged.contains(table.columns().get(i).name());
        }
    }

    private final List<Entry> entries;

    private Scope(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static Scope of(String name, TableDef table) {
        return new Scope(List.of(new Entry(name, table, 0, Set.of())));
    }

    /** One entry starting at {@code offset}; the columns before it have no name (an updatable view's base row). */
    static Scope at(int offset, String name, TableDef table) {
        return new Scope(List.of(new Entry(name, table, offset, Set.of())));
    }

    /** Entries in the order {@code *} lists them (merged columns first, as PostgreSQL does). */
    List<Entry> entries() {
        List<Entry> ordered = new ArrayList<>();
        entries.stream().filter(Entry::isMerge).forEach(ordered::add);
        entries.stream().filter(e -> !e.isMerge()).forEach(ordered::add);
        return ordered;
    }

    int width() {
        int width = 0;
        for (Entry e : entries) {
            width = Math.max(width, e.offset() + e.table().columns().size());
        }
        return width;
    }

    /** This scope followed by {@code right} (a join's combined row). */
    Scope concat(Scope right, int position) {
        return concat(right, position, 0);
    }

    /** As {@link #concat(Scope, int)}, with {@code gap} unnamed columns (a row key) between the two. */
    Scope concat(Scope right, int position, int gap) {
        List<Entry> all = new ArrayList<>(entries);
        int base = width() + gap;
        for (Entry e : right.entries) {
            for (Entry mine : entries) {
                if (!e.isMerge() && mine.name().equals(e.name())) {
                    throw new HeliosException(SqlState.DUPLICATE_ALIAS,
                            "table name \"" + e.name() + "\" specified more than once", null, null, position, null);
                }
            }
            all.add(new Entry(e.name(), e.table(), base + e.offset(), e.merged()));
        }
        return new Scope(all);
    }

    /**
     * This scope with {@code columns} (already appended to the row after this scope's columns) as the
     * merged versions of {@code names}, which the entries holding them stop exposing.
     */
    Scope merge(List<String> names, TableDef columns) {
        List<Entry> all = new ArrayList<>();
        for (Entry e : entries) {
            Set<String> hidden = new java.util.HashSet<>(e.merged());
            for (String n : names) {
                if (e.table().columnIndex(n) >= 0) {
                    hidden.add(n);
                }
            }
            all.add(new Entry(e.name(), e.table(), e.offset(), Set.copyOf(hidden)));
        }
        all.add(new Entry("", columns, width(), Set.of()));
        return new Scope(all);
    }

    /** Column names an unqualified reference can see, in {@code *} order (NATURAL joins match these). */
    List<String> visibleColumns() {
        List<String> names = new ArrayList<>();
        for (Entry e : entries()) {
            for (int i = 0; i < e.table().columns().size(); i++) {
                if (e.exposes(i)) {
                    names.add(e.table().columns().get(i).name());
                }
            }
        }
        return names;
    }

    Entry entry(String name, int position) {
        for (Entry e : entries) {
            if (!e.isMerge() && e.name().equals(name)) {
                return e;
            }
        }
        throw new HeliosException(SqlState.UNDEFINED_TABLE, "missing FROM-clause entry for table \"" + name + "\"",
                null, null, position, null);
    }

    /** Resolves {@code [table.]column} to a slot; 42703 when missing, 42702 when ambiguous. */
    BoundExpr.ColumnSlot resolve(String table, String column, int position) {
        if (table != null) {
            Entry e = entry(table, position);
            int i = e.table().columnIndex(column);
            if (i < 0) {
                throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column " + table + "." + column + " does not exist",
                        null, null, position, null);
            }
            ColumnBindings.bound(e, i, position);
            return slot(e, i);
        }
        BoundExpr.ColumnSlot found = null;
        Entry foundEntry = null;
        int foundIndex = -1;
        for (Entry e : entries) {
            int i = e.table().columnIndex(column);
            if (i >= 0 && e.exposes(i)) {
                if (found != null) {
                    throw new HeliosException(SqlState.AMBIGUOUS_COLUMN, "column reference \"" + column + "\" is ambiguous",
                            null, null, position, null);
                }
                found = slot(e, i);
                foundEntry = e;
                foundIndex = i;
            }
        }
        if (found == null) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist", null, null,
                    position, null);
        }
        ColumnBindings.bound(foundEntry, foundIndex, position);
        return found;
    }

    /** Whether an entry is exposed under this name. */
    boolean hasEntry(String name) {
        return entries.stream().anyMatch(e -> !e.isMerge() && e.name().equals(name));
    }

    /** Whether some entry has a column of this name (ORDER BY/GROUP BY prefer input columns differently). */
    boolean hasColumn(String column) {
        return entries.stream().anyMatch(e -> e.table().columnIndex(column) >= 0);
    }

    static BoundExpr.ColumnSlot slot(Entry e, int i) {
        ColumnDef c = e.table().columns().get(i);
        return new BoundExpr.ColumnSlot(e.offset() + i, c.type(), c.typmod(), e.isMerge() ? c.name() : e.name() + "." + c.name());
    }
}
