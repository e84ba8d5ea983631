package io.heliosdb.core.txn;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import java.util.Locale;

/**
 * PostgreSQL's isolation levels. {@link #SERIALIZABLE} reads one snapshot as {@link #REPEATABLE_READ} does
 * and is also tracked by serializable snapshot isolation (see {@code ssi.SsiTracker}), which fails one
 * transaction of a write skew or read-only anomaly with 40001. READ UNCOMMITTED is READ COMMITTED, as in
 * PostgreSQL.
 */
public enum IsolationLevel {
    READ_COMMITTED("read committed"),
    REPEATABLE_READ("repeatable read"),
    SERIALIZABLE("serializable");

    private static final IsolationLevel[] LEVELS = values();

    private final String settingValue;

    IsolationLevel(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value {@code SHOW transaction_isolation} prints. */
    public String settingValue() {
        return settingValue;
    }

    /** Whether the whole transaction reads one snapshot (and write conflicts are 40001). */
    public boolean usesTransactionSnapshot() {
        return this != READ_COMMITTED;
    }

    /** Parses a setting value such as {@code 'repeatable read'} or {@code REPEATABLE_READ}. */
    public static IsolationLevel parse(String value) {
        // Every statement parses the session's setting, which is almost always a canonical value.
        for (IsolationLevel level : LEVELS) {
            if (level.settingValue.equals(value)) {
                return level;
            }
        }
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace("'", "");
        return switch (v) {
            case "read committed", "read uncommitted", "default" -> READ_COMMITTED;
            case "repeatable read" -> REPEATABLE_READ;
            case "serializable" -> SERIALIZABLE;
            default -> throw new HeliosException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"transaction_isolation\": \"" + value + "\"", null,
                    "Available values: serializable, repeatable read, read committed, read uncommitted.", 0, null);
        };
    }
}
