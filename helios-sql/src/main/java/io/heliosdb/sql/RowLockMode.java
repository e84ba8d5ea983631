package io.heliosdb.sql;

/**
 * The strength of a {@code SELECT ... FOR ...} row lock. The kernel has two lock modes, so NO KEY UPDATE
 * is taken as UPDATE and KEY SHARE as SHARE: stronger than PostgreSQL (a FOR KEY SHARE blocks an UPDATE
 * of non-key columns here), never weaker.
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

    /** Whether the lock excludes every other locker (else it only excludes exclusive ones). */
    public boolean exclusive() {
        return this == UPDATE || this == NO_KEY_UPDATE;
    }

    /** The clause as written, for error messages ("FOR UPDATE is not allowed with ..."). */
    public String sql() {
        return sql;
    }
}
