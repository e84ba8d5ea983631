package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.Notice;
import io.heliosdb.api.SqlState;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.IsolationLevel;
import io.heliosdb.core.txn.StatementReads;
import io.heliosdb.core.txn.StatementRestart;
import io.heliosdb.core.txn.TableRows;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.StatementResult;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a session's planned reads and writes in its block's transaction (or an autocommit one). A
 * writing statement locks the rows it writes and buffers its writes; under READ COMMITTED one that
 * meets a row committed after its snapshot is undone and run again on a new snapshot (keeping its
 * locks), which is how it acts on the newest version of that row.
 */
final class StatementExecution {
    /** Restarts of one READ COMMITTED statement before it gives up with 40001 (a livelock guard). */
    private static final int MAX_STATEMENT_RESTARTS = 1000;

    private final TransactionalStore store;
    private final TransactionBlock block;
    private final SessionSettings settings;
    private final StatementLimits limits;
    private final StatementCancel cancel;
    private final SystemViews views;
    private final QueryMetrics metrics;
    private final SequenceSessionValues sequenceValues = new SequenceSessionValues();
    private final int pid;
    private final Consumer<Notice> notices;
    /** When the current transaction (or autocommit statement) began, for now(); and the current statement. */
    private LocalDateTime transactionStarted;
    private LocalDateTime statementStarted;
    /** {@link #autocommitSerializable}'s answer, and the settings version it was read at. */
    private boolean defaultSerializable;
    private long isolationReadAt = -1;

    StatementExecution(TransactionalStore store, TransactionBlock block, SessionSettings settings,
                       StatementLimits limits, StatementCancel cancel, SystemViews views, QueryMetrics metrics,
                       int pid, Consumer<Notice> notices) {
        this.store = store;
        this.block = block;
        this.settings = settings;
        this.limits = limits;
        this.cancel = cancel;
        this.views = views;
        this.metrics = metrics;
        this.pid = pid;
        this.notices = notices;
    }

    /**
     * A statement starts at {@code now} (the activity's query_start: one clock read per statement);
     * outside a block it also starts its (autocommit) transaction.
     */
    void markStarted(LocalDateTime now) {
        statementStarted = now;
        if (block.transaction() == null) {
            transactionStarted = statementStarted;
        }
    }

    /** Runs a writing statement to its end; {@code replan} plans it again after a restart. */
    BufferedResult write(StatementPlan firstPlan, Object[] params, Supplier<StatementPlan> replan) {
        return write(firstPlan, replan, (plan, context, t) -> BufferedResult.drain(plan.execute(context, params)));
    }

    /**
     * Runs a writing statement once per parameter set, all as one statement (see {@link BatchEntries}):
     * returns each entry's row count.
     */
    long[] writeBatch(StatementPlan firstPlan, java.util.List<Object[]> parameterSets,
                      java.util.function.IntConsumer entryStarts, Supplier<StatementPlan> replan) {
        return write(firstPlan, replan, (plan, context, t) -> BatchEntries.run(plan.batch(context), parameterSets,
                entryStarts, store.entryWrites(t)));
    }

    /** How a writing statement runs its plan in its context (of transaction {@code t}), once per (re)start. */
    private interface WriteRun<R> {
        R run(StatementPlan plan, KernelExecutionContext context, Transaction t);
    }

    private <R> R write(StatementPlan firstPlan, Supplier<StatementPlan> replan, WriteRun<R> run) {
        boolean autocommit = block.transaction() == null;
        if ("on".equals(settings.get(autocommit ? "default_transaction_read_only" : "transaction_read_only"))) {
            throw ReadOnlyRefusal.of(firstPlan.sql());
        }
        Transaction t = autocommit ? store.begin(IsolationLevel.parse(settings.get("default_transaction_isolation")))
                : block.transaction();
        t.markQueried();
        t.setLockWait(limits.lockWait());
        Transaction.Mark mark = t.mark();
        StatementPlan plan = firstPlan;
        try {
            for (int restarts = 0; ; restarts++) {
                try (StatementReads reads = store.openWriteReads(t)) {
                    R result = run.run(plan, context(t, reads), t);
                    store.statementWrote(t, mark); // SERIALIZABLE: SSI's check of what it wrote
                    if (!block.hasSavepoints()) {
                        t.statementDone(); // a savepoint still needs the undo information
                    }
                    if (autocommit) {
                        store.commit(t); // acknowledged once durable: so is every commit it read
                    } else if (store.completionsAwaitDurable()
                            || result instanceof BufferedResult rows && !rows.columns().isEmpty()) {
                        store.awaitDurable(reads.snapshotTs()); // its rows may show a commit not yet durable
                    }
                    return result;
                } catch (StatementRestart restart) {
                    store.countStatementRestart();
                    t.rollbackTo(mark);
                    if (restarts >= MAX_STATEMENT_RESTARTS) {
                        throw new HeliosException(SqlState.SERIALIZATION_FAILURE,
                                "could not serialize access due to concurrent update");
                    }
                    // The catalog may have changed under the restarted statement: plan it again if so.
                    plan = replan.get();
                } catch (RuntimeException e) {
                    if (!autocommit) {
                        t.rollbackTo(mark);
                    }
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            if (autocommit) {
                store.rollback(t);
            }
            store.settleBeforeError(); // an error (a unique violation, say) may be due to a commit not yet durable
            throw e;
        }
    }

    /** A streamed read counts as one statement from {@code start} until its result is read or closed. */
    StreamingResult read(StatementPlan plan, Object[] params, long start, StatementDeadline cursorDeadline,
                         Function<RuntimeException, HeliosException> onStreamError) {
        Transaction open = block.transaction();
        // Outside a block a read is its own transaction; SERIALIZABLE by default, a tracked one that ends with its rows.
        Transaction own = open != null ? null : autocommitSerializable() ? oneStatementSerializable() : null;
        Transaction t = open != null ? open : own != null ? own : store.begin();
        if (open != null && plan.takesSnapshot()) {
            open.markQueried();   // its modes are fixed from now on (not by SET or SHOW)
        }
        boolean streaming = false;
        try {
            t.setLockWait(limits.lockWait());
            StatementReads reads = store.openReads(t);
            try {
                KernelExecutionContext context = context(t, reads);
                if (cursorDeadline != null && !t.isolation().usesTransactionSnapshot()) {
                    context.recheckChangedRows();
                }
                StatementResult executed = plan.execute(cursorDeadline != null ? context.deadline(cursorDeadline)
                        : context, params);
                StreamingResult result = new StreamingResult(executed, reads, onStreamError, failed -> {
                    try {
                        if (own != null) {
                            endOneStatement(own, failed);
                        }
                    } finally {
                        metrics.recordStatement(System.nanoTime() - start);
                        settings.endStatement();   // a set_config(..., true) outside a block lasts until here
                    }
                });
                streaming = true;
                return result;
            } catch (RuntimeException e) {
                reads.close();
                throw e;
            }
        } finally {
            if (t != open && !(streaming && t == own)) {
                store.rollback(t);
            }
        }
    }

    /** Whether a statement outside a block runs as a SERIALIZABLE transaction (read once per settings change). */
    boolean autocommitSerializable() {
        long version = settings.version();
        if (version != isolationReadAt) {
            defaultSerializable = IsolationLevel.SERIALIZABLE.settingValue()
                    .equals(settings.get("default_transaction_isolation"));
            isolationReadAt = version;
        }
        return defaultSerializable;
    }

    /** A read outside a block under default SERIALIZABLE: a transaction with the session's default modes. */
    private Transaction oneStatementSerializable() {
        Transaction t = store.begin(IsolationLevel.SERIALIZABLE);
        t.setReadOnly("on".equals(settings.get("default_transaction_read_only")));
        t.setDeferrable("on".equals(settings.get("default_transaction_deferrable")));
        t.setWritesNothing();   // one read statement: untracked once its snapshot proves safe
        return t;
    }

    /** Its rows were read (or closed): it commits, which writes nothing; a failed read rolls it back. */
    private void endOneStatement(Transaction t, boolean failed) {
        if (failed) {
            store.rollback(t);
        } else {
            store.commit(t);
        }
    }

    private KernelExecutionContext context(Transaction t, StatementReads reads) {
        return new KernelExecutionContext(new TableRows(store, t, reads), settings,
                limits.deadlineNanos(), cancel, views, metrics, sequenceValues, store.sequences(), pid)
                .notices(notices).timestamps(transactionStarted, statementStarted).cursors(block.cursors())
                .modes(block.modes());
    }
}
