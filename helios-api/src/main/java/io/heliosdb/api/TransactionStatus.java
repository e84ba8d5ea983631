package io.heliosdb.api;

/** Where a session stands, as PostgreSQL's ReadyForQuery reports it. */
public enum TransactionStatus {
    /** Not in a transaction block. */
    IDLE('I'),
    /** In a transaction block. */
    IN_TRANSACTION('T'),
    /** In a failed transaction block: statements are refused until ROLLBACK. */
    FAILED('E');

    private final char indicator;

    TransactionStatus(char indicator) {
        this.indicator = indicator;
    }

    /** The ReadyForQuery status byte. */
    public char indicator() {
        return indicator;
    }
}
