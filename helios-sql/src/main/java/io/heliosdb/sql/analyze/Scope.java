package io.heliosdb.sql.analyze;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.sql.schema.ColumnDef;
import io.heliosdb.sql.schema.TableDef;
import java.util.ArrayList;
import java.util.List;

/** The tables a clause can see; their columns are laid out one after another in the input row. */
public final class Scope {
    static final Scope EMPTY = new Scope(List.of());

    /** One FROM entry: its exposed name (alias or table name), its table and where its columns start. */
    record Entry(String name, TableDef table, int offset) {
    }

    private final List<Entry> entries;

    private Scope(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static Scope of(String name, TableDef table) {
        return new Scope(List.of(new Entry(name, table, 0)));
    }

    List<Entry> entries() {
        return entries;
    }

    int width() {
        return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).offset()
                + entries.get(entries.size() - 1).table().columns().size();
    }

    /** This scope followed by {@code right} (a join's combined row). */
    Scope concat(Scope right, int position) {
        List<Entry> all = new ArrayList<>(entries);
        int base = width();
        for (Entry e : right.entries) {
            for (Entry mine : entries) {
                if (mine.name().equals(e.name())) {
                    throw new HeliosException(SqlState.DUPLICATE_OBJECT,
                            "table name \"" + e.name() + "\" specified more than once", null, null, position, null);
                }
            }
            all.add(new Entry(e.name(), e.table(), base + e.offset()));
        }
        return new Scope(all);
    }

    Entry entry(String name, int position) {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
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
            return slot(e, i);
        }
        BoundExpr.ColumnSlot found = null;
        for (Entry e : entries) {
            int i = e.table().columnIndex(column);
            if (i >= 0) {
                if (found != null) {
                    throw new HeliosException(SqlState.AMBIGUOUS_COLUMN, "column reference \"" + column + "\" is ambiguous",
                            null, null, position, null);
                }
                found = slot(e, i);
            }
        }
        if (found == null) {
            throw new HeliosException(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" does not exist", null, null,
                    position, null);
        }
        return found;
    }

    /** Whether some entry has a column of this name (ORDER BY/GROUP BY prefer input columns differently). */
    boolean hasColumn(String column) {
        return entries.stream().anyMatch(e -> e.table().columnIndex(column) >= 0);
    }

    static BoundExpr.ColumnSlot slot(Entry e, int i) {
        ColumnDef c = e.table().columns().get(i);
        return new BoundExpr.ColumnSlot(e.offset() + i, c.type(), c.typmod(), e.name() + "." + c.name());
    }
}
