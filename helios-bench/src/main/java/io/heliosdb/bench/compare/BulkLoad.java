package io.heliosdb.bench.compare;

import java.util.Locale;

/**
 * Fills the read workloads' tables with one {@code INSERT ... SELECT} per chunk of rows, each system
 * generating the keys itself (generate_series, H2's SYSTEM_RANGE, a recursive CTE in SQLite): loading
 * is not measured, and generating rows inside the engine is the fastest path every system has, far
 * faster than a million client round trips. The rows are the same on every system.
 */
public final class BulkLoad {
    /** Rows per statement: one transaction each, so no engine holds a million-row write set. */
    public static final int CHUNK = 100_000;

    private BulkLoad() {
    }

    /** How a system generates a series of integers; chosen from the JDBC product name (or "HeliosDB"). */
    public enum Dialect {
        GENERATE_SERIES, H2, SQLITE;

        static Dialect of(String product) {
            String p = product.toLowerCase(Locale.ROOT);
            return p.contains("h2") ? H2 : p.contains("sqlite") ? SQLITE : GENERATE_SERIES;
        }
    }

    /** Loads {@code items} (rows) and {@code customers} (rows/10) into tables that exist and are empty. */
    static void items(DbClient c, Scale scale) throws Exception {
        Dialect dialect = Dialect.of(c.product());
        for (int from = 0; from < scale.rows(); from += CHUNK) {
            c.execute(itemsSql(dialect, from, Math.min(scale.rows(), from + CHUNK) - 1));
        }
        for (int from = 0; from < scale.joinRows(); from += CHUNK) {
            c.execute(customersSql(dialect, from, Math.min(scale.joinRows(), from + CHUNK) - 1));
        }
    }

    /** Rows {@code from..to} (inclusive) of items: {@code (id, id % 100, (id % 997) * 3, 'note-' || id)}. */
    public static String itemsSql(Dialect dialect, int from, int to) {
        return series(dialect, from, to, "INSERT INTO items (id, grp, amount, note) SELECT %1$s, %2$s, %3$s, 'note-' || %1$s",
                "x");
    }

    /** Rows {@code from..to} (inclusive) of customers: {@code (id, 'customer-' || id)}. */
    public static String customersSql(Dialect dialect, int from, int to) {
        return series(dialect, from, to, "INSERT INTO customers (id, name) SELECT %1$s, 'customer-' || %1$s", "x");
    }

    private static String series(Dialect dialect, int from, int to, String insertSelect, String x) {
        String mod100 = dialect == Dialect.H2 ? "MOD(" + x + ", 100)" : x + " % 100";
        String amount = dialect == Dialect.H2 ? "MOD(" + x + ", 997) * 3" : "(" + x + " % 997) * 3";
        String select = String.format(Locale.ROOT, insertSelect, x, mod100, amount);
        return switch (dialect) {
            case GENERATE_SERIES -> select + " FROM generate_series(" + from + ", " + to + ") AS g(" + x + ")";
            case H2 -> select + " FROM SYSTEM_RANGE(" + from + ", " + to + ")";
            // SQLite's generate_series is an optional extension; a recursive CTE is always there.
            case SQLITE -> "WITH RECURSIVE g(" + x + ") AS (SELECT " + from + " UNION ALL SELECT " + x + " + 1 FROM g WHERE "
                    + x + " < " + to + ") " + select + " FROM g";
        };
    }
}
