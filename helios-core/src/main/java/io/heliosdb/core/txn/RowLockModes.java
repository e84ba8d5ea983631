package io.heliosdb.core.txn;

import io.heliosdb.sql.RowLockMode;

/** The lock table mode of each {@code SELECT ... FOR ...} strength (PostgreSQL's four row lock modes). */
final class RowLockModes {
    private RowLockModes() {
    }

    static LockTable.Mode of(RowLockMode mode) {
        return switch (mode) {
            case KEY_SHARE -> LockTable.Mode.KEY_SHARE;
            case SHARE -> LockTable.Mode.SHARED;
            case NO_KEY_UPDATE -> LockTable.Mode.NO_KEY_EXCLUSIVE;
            case UPDATE -> LockTable.Mode.EXCLUSIVE;
        };
    }
}
