package io.heliosdb.sqllogictest;

import java.util.Map;

/**
 * The corpus records real PostgreSQL 15.18 fails (checked with the same runner rules, see the corpus README),
 * each with why: the expected values are SQLite's, and PostgreSQL's semantics differ there. HeliosDB follows
 * PostgreSQL, so a failure of one of these records is the faithful result, not a bug to fix.
 */
final class PostgresOwnFailures {
    /** "file:line of the query record" to PostgreSQL 15's result and the reason. */
    static final Map<String, String> RECORDS = Map.of(
            "random/expr/slt_good_0.test:46601",
            "PostgreSQL 15 gives 58 too: `NULLIF(53, COUNT(*) * AVG(DISTINCT 80))` is numeric (AVG is numeric), "
                    + "so `/ -71` divides exactly (-0.746...) instead of truncating to 0, and `* -78` gives 58.2",
            "random/expr/slt_good_0.test:77844",
            "PostgreSQL 15 raises 22012 too: `- 22 / COALESCE(- COALESCE(0, ...), - 8)` divides by zero; "
                    + "SQLite returns NULL for a division by zero",
            "random/expr/slt_good_0.test:80573",
            "PostgreSQL 15 raises 22003 here (HeliosDB passes): its planner folds `-79 * -91 * -73 * 67 * 94` "
                    + "inside a CASE branch that is never taken and overflows int4; HeliosDB evaluates a branch "
                    + "only when it is taken, and SQLite has 64-bit integers",
            "random/expr/slt_good_3.test:44579",
            "PostgreSQL 15 gives -29 too: `COALESCE(43, -AVG(67))` is numeric, so `/ -60` is -0.716... and "
                    + "`-30 - (-0.716...)` is -29.28, truncated to -29 by the runner",
            "random/expr/slt_good_3.test:85247",
            "PostgreSQL 15 gives 126940036 too: `NULLIF(44, -AVG(16) / 80 + 96)` is numeric, so `/ 16` is 2.75, "
                    + "not the integer 2; 0.75 * SUM(DISTINCT -48) * 79 is the 2844 between 126940036 and 126937192");

    private PostgresOwnFailures() {
    }

    /** Why PostgreSQL 15 fails this record too, or null when it passes it. */
    static String reason(String file, int line) {
        return RECORDS.get(file + ":" + line);
    }
}
