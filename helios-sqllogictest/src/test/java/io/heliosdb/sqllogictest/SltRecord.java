package io.heliosdb.sqllogictest;

import java.util.List;

/** One record of a sqllogictest script, with the condition lines that preceded it. */
sealed interface SltRecord {

    /** 1-based line of the record's first non-condition line (what reports point at). */
    int line();

    List<Condition> conditions();

    /** {@code skipif <engine>} (skip = true) or {@code onlyif <engine>}. */
    record Condition(boolean skip, String engine) {
    }

    record Statement(int line, List<Condition> conditions, boolean expectError, String sql) implements SltRecord {
    }

    /**
     * A query; {@code expected} holds the expected block's lines (one value each, or a single
     * {@code N values hashing to H} line). {@code label} is null when absent.
     */
    record Query(int line, List<Condition> conditions, String types, SortMode sort, String label, String sql,
                 List<String> expected) implements SltRecord {
    }

    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {
    }

    record Halt(int line, List<Condition> conditions) implements SltRecord {
    }

    enum SortMode { NOSORT, ROWSORT, VALUESORT }

    /** Whether an engine called {@code engine} skips this record (skipif names it, or onlyif names another). */
    default boolean skippedFor(String engine) {
        for (Condition c : conditions()) {
            if (c.skip() == c.engine().equalsIgnoreCase(engine)) {
                return true;
            }
        }
        return false;
    }
}
