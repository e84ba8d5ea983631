package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/**
 * {@code max_parallel_workers_per_gather}: how many worker threads one query may add to its own (0 turns
 * parallel aggregates off; the executor also never uses more than the cores minus one). Checked as
 * PostgreSQL checks it: an integer 0 .. 1024, 22023 otherwise.
 */
final class WorkerSettings {
    static final String NAME = "max_parallel_workers_per_gather";
    /** PostgreSQL's default. */
    static final String DEFAULT = "2";
    private static final int MAX = 1024;

    private WorkerSettings() {
    }

    /** {@code value} as SHOW prints it; 22023 when it is no integer in range. */
    static String normalize(String value) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + NAME + "\": \"" + value + "\"");
        }
        if (n < 0 || n > MAX) {
            throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    n + " is outside the valid range for parameter \"" + NAME + "\" (0 .. " + MAX + ")");
        }
        return Integer.toString(n);
    }
}
