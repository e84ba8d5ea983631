package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Notice;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.core.txn.IsolationLevel;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.sql.TransactionControl;
import java.util.function.Consumer;

/**
 * A session's explicit transaction block (BEGIN..COMMIT): its transaction, whether an error failed
 * it (25P02 until it ends, as in PostgreSQL), its savepoints, and the transaction statements that
 * act on them (BEGIN, COMMIT, ROLLBACK, savepoints, SET TRANSACTION, VACUUM, ANALYZE).
 */
final class TransactionBlock {
    private final TransactionalStore store;
    private final SessionSettings settings;
    private final SessionCursors cursors;
    private final Consumer<Notice> notices;
    private final Savepoints savepoints = new Savepoints();
    private final TransactionModes modes;
    /** The explicit transaction, or null in autocommit mode. */
    private Transaction transaction;
    private boolean failed;

    TransactionBlock(TransactionalStore store, SessionSettings settings, SessionCursors cursors,
                     Consumer<Notice> notices) {
        this.store = store;
        this.settings = settings;
        this.cursors = cursors;
        this.notices = notices;
        this.modes = new TransactionModes(settings, this);
    }

    /** SET, RESET and set_config() of the transaction modes and their defaults go through these rules. */
    TransactionModes modes() {
        return modes;
    }

    /** The block's transaction, or null in autocommit mode. */
    Transaction transaction() {
        return transaction;
    }

    /** The session's open cursors (WHERE CURRENT OF reads their positions). */
    SessionCursors cursors() {
        return cursors;
    }

    boolean failed() {
        return failed;
    }

    /** Whether a savepoint needs the undo information of the statements run since it. */
    boolean hasSavepoints() {
        return !savepoints.isEmpty();
    }

    TransactionStatus status() {
        if (transaction == null) {
            return TransactionStatus.IDLE;
        }
        return failed ? TransactionStatus.FAILED : TransactionStatus.IN_TRANSACTION;
    }

    /** The pg_stat_activity state between statements. */
    String idleState() {
        if (transaction == null) {
            return "idle";
        }
        return failed ? "idle in transaction (aborted)" : "idle in transaction";
    }

    /** Runs an implicit transaction (one COPY) as the block's, so each row's write joins it. */
    void adopt(Transaction implicit) {
        transaction = implicit;
    }

    /** Ends an adopted implicit transaction's membership and returns it (null if there is none). */
    Transaction detach() {
        Transaction t = transaction;
        transaction = null;
        return t;
    }

    /** Rolls back the open transaction, if any (the session is closing). */
    void rollbackOpen() {
        if (transaction != null) {
            store.rollback(transaction);
            transaction = null;
        }
    }

    /** In a failed block only COMMIT, ROLLBACK and ROLLBACK TO may run. */
    static boolean allowedWhenFailed(TransactionCommand command) {
        return command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK
                || command == TransactionCommand.ROLLBACK_TO_SAVEPOINT;
    }

    static HeliosException aborted() {
        return new HeliosException(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }

    /** A statement failed: an explicit transaction fails with it, as in PostgreSQL. */
    void fail() {
        if (transaction != null && !failed) {
            failed = true;
            // As in PostgreSQL, an aborted transaction lets go of its locks at once, not at ROLLBACK;
            // with a savepoint it stays open for ROLLBACK TO (its locks are then kept until it ends).
            if (savepoints.isEmpty()) {
                store.rollback(transaction);
            }
        }
    }

    /** Runs a transaction statement: COMMIT or ROLLBACK, or any other {@code control} command. */
    QueryResult run(TransactionCommand command, TransactionControl control, String sql) {
        return command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK
                ? runEnd(command) : runControl(control, sql);
    }

    private QueryResult runEnd(TransactionCommand command) {
        switch (command) {
            case COMMIT -> {
                if (transaction == null) {
                    notices.accept(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
                    return BufferedResult.tag("COMMIT");
                }
                Transaction t = transaction;
                boolean wasFailed = failed;
                if (wasFailed) {
                    settings.rollbackTransaction();
                    endTransaction(false);
                    store.rollback(t);
                    return BufferedResult.tag("ROLLBACK");
                }
                settings.commitTransaction();
                endTransaction(true);
                store.commit(t);
                return BufferedResult.tag("COMMIT");
            }
            default -> {
                if (transaction != null) {
                    store.rollback(transaction);
                    settings.rollbackTransaction();
                    endTransaction(false);
                } else {
                    notices.accept(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
                }
                return BufferedResult.tag("ROLLBACK");
            }
        }
    }

    private void endTransaction(boolean committed) {
        cursors.transactionEnded(committed);
        transaction = null;
        failed = false;
        savepoints.clear();
        settings.set("transaction_isolation", settings.get("default_transaction_isolation"));
        settings.set("transaction_read_only", settings.get("default_transaction_read_only"));
        settings.set("transaction_deferrable", settings.get("default_transaction_deferrable"));
    }

    /** BEGIN: {@code isolation}, {@code readOnly} and {@code deferrable} override the session defaults when not null. */
    private void beginTransaction(String isolation, Boolean readOnly, Boolean deferrable) {
        IsolationLevel level = IsolationLevel.parse(isolation != null ? isolation
                : settings.get("default_transaction_isolation"));
        transaction = store.begin(level);
        failed = false;
        savepoints.clear();
        settings.beginTransaction();
        settings.set("transaction_isolation", level.settingValue());
        settings.set("transaction_read_only", readOnly != null ? (readOnly ? "on" : "off")
                : settings.get("default_transaction_read_only"));
        transaction.setReadOnly("on".equals(settings.get("transaction_read_only")));
        settings.set("transaction_deferrable", deferrable != null ? (deferrable ? "on" : "off")
                : settings.get("default_transaction_deferrable"));
        transaction.setDeferrable("on".equals(settings.get("transaction_deferrable")));
    }

    /** Savepoints, BEGIN with modes, SET TRANSACTION, SET SESSION CHARACTERISTICS, VACUUM, ANALYZE. */
    private QueryResult runControl(TransactionControl control, String sql) {
        switch (control.command()) {
            case BEGIN -> {
                if (transaction != null) {
                    notices.accept(Notice.warning(SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress"));
                    applyTransactionModes(control);
                } else {
                    beginTransaction(control.isolation(), control.readOnly(), control.deferrable());
                }
                return BufferedResult.tag(sql.strip().regionMatches(true, 0, "start", 0, 5) ? "START TRANSACTION" : "BEGIN");
            }
            case SAVEPOINT -> {
                requireBlock("SAVEPOINT");
                savepoints.define(control.name(), transaction.mark(), settings.snapshot());
                return BufferedResult.tag("SAVEPOINT");
            }
            case ROLLBACK_TO_SAVEPOINT -> {
                requireBlock("ROLLBACK TO SAVEPOINT");
                Savepoints.Target target = savepoints.rollbackTo(control.name());
                store.rollbackToSavepoint(transaction, target.mark());
                settings.restore(target.settings());
                transaction.setReadOnly("on".equals(settings.get(TransactionModes.READ_ONLY)));
                failed = false;
                return BufferedResult.tag("ROLLBACK");
            }
            case RELEASE_SAVEPOINT -> {
                requireBlock("RELEASE SAVEPOINT");
                savepoints.release(control.name());
                return BufferedResult.tag("RELEASE");
            }
            case SET_TRANSACTION -> {
                if (transaction == null) {
                    notices.accept(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "SET TRANSACTION can only be used in transaction blocks"));
                } else {
                    applyTransactionModes(control);
                }
                return BufferedResult.tag("SET");
            }
            case SET_SESSION_CHARACTERISTICS -> {
                if (control.isolation() != null) {
                    settings.set("default_transaction_isolation", control.isolation());
                }
                if (control.readOnly() != null) {
                    settings.set("default_transaction_read_only", control.readOnly() ? "on" : "off");
                }
                if (control.deferrable() != null) {
                    settings.set("default_transaction_deferrable", control.deferrable() ? "on" : "off");
                }
                if (transaction == null) {
                    settings.set("transaction_isolation", settings.get("default_transaction_isolation"));
                    settings.set("transaction_read_only", settings.get("default_transaction_read_only"));
                    settings.set("transaction_deferrable", settings.get("default_transaction_deferrable"));
                }
                return BufferedResult.tag("SET");
            }
            case VACUUM -> {
                if (transaction != null) {
                    throw new HeliosException(SqlState.ACTIVE_SQL_TRANSACTION,
                            "VACUUM cannot run inside a transaction block");
                }
                store.vacuum();
                return BufferedResult.tag("VACUUM");
            }
            case ANALYZE -> {
                return BufferedResult.tag("ANALYZE");
            }
            default -> throw new IllegalStateException("not an extended transaction command: " + control);
        }
    }

    private void requireBlock(String what) {
        if (transaction == null) {
            throw new HeliosException(SqlState.NO_ACTIVE_SQL_TRANSACTION, what + " can only be used in transaction blocks");
        }
    }

    /** SET TRANSACTION (or a BEGIN inside a block), with the rules of {@link TransactionModes}. */
    private void applyTransactionModes(TransactionControl control) {
        if (control.isolation() != null) {
            IsolationLevel wanted = IsolationLevel.parse(control.isolation());
            modes.checkIsolation(transaction, wanted);
            transaction.setIsolation(wanted);
            settings.set(TransactionModes.ISOLATION, wanted.settingValue());
        }
        if (control.readOnly() != null) {
            modes.checkReadOnly(transaction, control.readOnly());
            settings.set(TransactionModes.READ_ONLY, control.readOnly() ? "on" : "off");
            transaction.setReadOnly(control.readOnly());
        }
        if (control.deferrable() != null) {
            modes.checkDeferrable(transaction);
            transaction.setDeferrable(control.deferrable());
            settings.set(TransactionModes.DEFERRABLE, control.deferrable() ? "on" : "off");
        }
    }

    /** {@code SET transaction_isolation} inside a block applies until the transaction takes its snapshot. */
    void applyIsolationSetting() {
        if (transaction == null) {
            return;
        }
        IsolationLevel wanted = IsolationLevel.parse(settings.get("transaction_isolation"));
        if (!transaction.setIsolation(wanted)) {
            settings.set("transaction_isolation", transaction.isolation().settingValue());
            throw new HeliosException(SqlState.ACTIVE_SQL_TRANSACTION,
                    "SET TRANSACTION ISOLATION LEVEL must be called before any query");
        }
    }
}
