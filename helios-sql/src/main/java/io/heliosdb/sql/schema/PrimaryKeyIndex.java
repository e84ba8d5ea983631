package io.heliosdb.sql.schema;

import java.util.Collections;
import java.util.List;

/**
 * A table's primary key seen as an index, so the planner's index rules serve ranges, IN lists and
 * prefixes of the key ({@code WHERE id BETWEEN ? AND ?}) with a scan of just those rows: rows are stored
 * in primary key order, so the kernel reads them as a key range of the table itself (PostgreSQL reads
 * its {@code <table>_pkey} index). The definition's name carries a marker no SQL name can contain, so a
 * user's index that happens to be called {@code <table>_pkey} is never mistaken for it.
 */
public final class PrimaryKeyIndex {
    /** Starts the name; a NUL cannot be written in SQL. */
    private static final String MARKER = "\u0000pkey:";

    private PrimaryKeyIndex() {
    }

    /** The primary key of {@code table} as a unique, ascending index; null when the table has none. */
    public static IndexDef of(TableDef table) {
        if (!table.hasPrimaryKey()) {
            return null;
        }
        List<Boolean> ascending = Collections.nCopies(table.primaryKey().size(), false);
        return new IndexDef(MARKER + table.primaryKeyName(), table.name(), table.primaryKey(), ascending, true);
    }

    public static boolean is(IndexDef index) {
        return index.name().startsWith(MARKER);
    }

    /** The name EXPLAIN shows: the primary key constraint's, for the key itself; the index's own otherwise. */
    public static String displayName(IndexDef index) {
        return is(index) ? index.name().substring(MARKER.length()) : index.name();
    }
}
