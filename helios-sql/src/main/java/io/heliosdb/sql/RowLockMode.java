package io.heliosdb.sql;

/**
 * The strength of a {@code SELECT ... FOR ...} row lock, weakest first, with PostgreSQL's conflicts:
 * KEY SHARE conflicts only with UPDATE, SHARE with NO KEY UPDATE and UPDATE, NO KEY UPDATE with all but
 * KEY SHARE, UPDATE with all.
 */
public enum RowLockMode {
    KEY_SHARE("FOR KEY SHARE"),
    SHARE("FOR SHARE"),
    NO_KEY_UPDATE("FOR NO KEY UPDATE"),
    UPDATE("FOR UPDATE");

    private final String sql;

    RowLockMode(String sql) {
        this.sql = sql;
    }

    /** Whether the lock excludes other writers of the row (NO KEY UPDATE and UPDATE). */
    public boolean exclusive() {
        return this == UPDATE || this == NO_KEY_UPDATE;
    }

    /** The clause as written, for error messages ("FOR UPDATE is not allowed with ..."). */
    public String sql() {
        return sql;
    }
}
