package io.heliosdb.wire;

import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.Session;
import io.heliosdb.api.TransactionStatus;

/**
 * PostgreSQL's implicit transaction block: outside BEGIN, the statements executed between two Syncs
 * (a JDBC batch, a pipeline) commit together at Sync or not at all. Opened with BEGIN before the
 * first Execute of a statement that writes (reads before it have nothing to commit or undo, and a
 * point query then costs no BEGIN/COMMIT; under default SERIALIZABLE a read opens it too); a client BEGIN inside it turns it into the client's explicit block. BEGIN, COMMIT and
 * ROLLBACK are prepared once per connection: a point query pays for their execution, not their parsing.
 */
final class ImplicitTransaction {
    private final Session session;
    private boolean open;
    /** An error was answered inside the block outside any statement (a bad Bind, say): Sync rolls it back. */
    private boolean failed;
    private PreparedQuery begin;
    private PreparedQuery commit;
    private PreparedQuery rollback;
    /** Whether the session's default isolation is SERIALIZABLE, as read at {@link #settingsRead}. */
    private boolean serializable;
    private long settingsRead = Long.MIN_VALUE;

    ImplicitTransaction(Session session) {
        this.session = session;
    }

    /**
     * Before a read-only portal starts running: under default SERIALIZABLE a read counts too (what it read
     * decides whether the block's writes may commit), so it opens the block as a write does.
     */
    void beforeRead() {
        long version = session.settingsVersion();
        if (version != settingsRead || version == -1) {
            serializable = "serializable".equals(session.setting("default_transaction_isolation"));
            settingsRead = version;
        }
        if (serializable) {
            beforeStatement();
        }
    }

    /** Before a portal starts running. */
    void beforeStatement() {
        if (!open && session.transactionStatus() == TransactionStatus.IDLE) {
            if (begin == null) {
                begin = session.prepare("BEGIN");
            }
            begin.execute().close();
            open = true;
            failed = false;
        }
    }

    /** After a statement ran (or failed: tag null): BEGIN hands the block to the client, COMMIT/ROLLBACK ended it. */
    void afterStatement(String tag) {
        if (open && ("BEGIN".equals(tag) || "START TRANSACTION".equals(tag)
                || session.transactionStatus() == TransactionStatus.IDLE)) {
            open = false;
        }
    }

    boolean isOpen() {
        return open;
    }

    /**
     * An error was sent to the client while the block is open, from a message that ran no statement (Parse,
     * Bind, Describe): as in PostgreSQL, every error aborts the implicit block, so Sync rolls back what it wrote.
     */
    void fail() {
        failed = open;
    }

    /** At Sync: commits the block, or rolls it back after an error; a failing commit throws. */
    void end() {
        if (!open) {
            return;
        }
        open = false;
        boolean rollBack = failed;
        failed = false;
        if (rollBack && session.transactionStatus() != TransactionStatus.IDLE
                || session.transactionStatus() == TransactionStatus.FAILED) {
            if (rollback == null) {
                rollback = session.prepare("ROLLBACK");
            }
            rollback.execute().close();
        } else if (session.transactionStatus() == TransactionStatus.IN_TRANSACTION) {
            if (commit == null) {
                commit = session.prepare("COMMIT");
            }
            commit.execute().close();
        }
    }
}
