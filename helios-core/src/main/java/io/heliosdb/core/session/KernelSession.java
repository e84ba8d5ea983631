package io.heliosdb.core.session;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.core.catalog.Catalog;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.IsolationLevel;
import io.heliosdb.core.txn.LockWait;
import io.heliosdb.core.txn.StatementReads;
import io.heliosdb.core.txn.StatementRestart;
import io.heliosdb.core.txn.TableRows;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.SchemaLookup;
import io.heliosdb.sql.StatementPlan;
import io.heliosdb.sql.StatementResult;
import io.heliosdb.sql.TransactionCommand;
import io.heliosdb.api.Notice;
import io.heliosdb.sql.CopyCommand;
import io.heliosdb.sql.CursorCommand;
import java.io.Reader;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session: statements run in autocommit mode until BEGIN; a writing statement locks the rows it
 * writes, buffers its writes in the transaction, and commits them as one batch. Under READ
 * COMMITTED a statement that meets a row committed after its snapshot is undone and run again on
 * a new snapshot (keeping its locks), which is how it acts on the newest version of that row.
 * An error inside BEGIN..COMMIT fails the block as in PostgreSQL (25P02 until it ends).
 */
public final class KernelSession implements Session {
    private static final System.Logger LOG = System.getLogger("io.heliosdb.core.session");
    private static final long DEFAULT_LOCK_TIMEOUT_MILLIS = 60_000;
    /** Restarts of one READ COMMITTED statement before it gives up with 40001 (a livelock guard). */
    private static final int MAX_STATEMENT_RESTARTS = 1000;
    private static final Object[] NO_PARAMS = new Object[0];

    private final TransactionalStore store;
    private final SqlFrontEnd frontEnd;
    private final String user;
    private final int queryTimeoutSecs;
    private final Runnable onClose;
    private final SessionSettings settings;
    private final PlanCache planCache = new PlanCache(128);
    private final StatementCancel cancel = new StatementCancel();
    private final StatementDeadline statementDeadline = new StatementDeadline();
    private final SystemViews views;
    private final QueryMetrics metrics;
    private final SessionActivity activity;
    private final SequenceSessionValues sequenceValues = new SequenceSessionValues();
    private final SessionCursors cursors = new SessionCursors();
    private Consumer<Notice> noticeListener;

    /** The explicit transaction (BEGIN..COMMIT), or null in autocommit mode. */
    private Transaction transaction;
    private boolean failed;
    private final Savepoints savepoints = new Savepoints();
    /** When the current transaction (or autocommit statement) began, for now(); and the current statement. */
    private java.time.LocalDateTime transactionStarted;
    private java.time.LocalDateTime statementStarted;
    private StreamingResult openResult;
    private boolean closed;

    public KernelSession(TransactionalStore store, SqlFrontEnd frontEnd, String user, int queryTimeoutSecs,
                         Runnable onClose) {
        this(store, frontEnd, user, queryTimeoutSecs, onClose, null, new QueryMetrics(), 0);
    }

    /**
     * A session of an open database: {@code views} the system views it can read (null for none),
     * {@code metrics} where its statements are counted, {@code pid} its number in pg_stat_activity.
     */
    public KernelSession(TransactionalStore store, SqlFrontEnd frontEnd, String user, int queryTimeoutSecs,
                         Runnable onClose, SystemViews views, QueryMetrics metrics, int pid) {
        this.views = views;
        this.metrics = metrics;
        this.activity = new SessionActivity(pid, user, store.locks()::isBlocked);
        this.store = store;
        this.frontEnd = frontEnd;
        this.user = user;
        this.queryTimeoutSecs = queryTimeoutSecs;
        this.onClose = onClose;
        this.settings = new SessionSettings(user);
    }

    /** What {@code is_superuser} reports: whether the session's role is a superuser. */
    public synchronized void reportSuperuser(boolean superuser) {
        settings.set("is_superuser", superuser ? "on" : "off");
    }

    @Override
    public synchronized QueryResult execute(String sql, Object... params) {
        beginStatement();
        List<ParsedStatement> statements = parse(sql);
        Object[] args = params == null ? NO_PARAMS : params;
        if (statements.isEmpty()) {
            return BufferedResult.tag("");
        }
        if (statements.size() > 1 && args.length > 0) {
            throw onError(new HeliosException(SqlState.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement"));
        }
        for (int i = 0; i < statements.size() - 1; i++) {
            run(statements.get(i), NO_PARAMS, null).close();
        }
        return run(statements.get(statements.size() - 1), args, null);
    }

    @Override
    public synchronized PreparedQuery prepare(String sql, List<SqlType> parameterTypes) {
        beginStatement();
        List<ParsedStatement> statements = parse(sql);
        if (statements.size() > 1) {
            throw onError(new HeliosException(SqlState.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement"));
        }
        ParsedStatement statement = statements.isEmpty() ? null : statements.get(0);
        List<SqlType> declared = parameterTypes == null ? List.of() : List.copyOf(parameterTypes);
        PlannedStatement planned = null;
        if (statement != null) {
            try {
                if (failed) {
                    planned = planInFailedTransaction(statement, declared);
                } else {
                    planned = plan(statement, declared);
                }
            } catch (RuntimeException e) {
                throw onError(e);
            }
        }
        return new KernelPreparedQuery(this, sql, statement, declared, planned);
    }

    @Override
    public synchronized Iterator<QueryResult> executeScript(String sql) {
        beginStatement();
        List<ParsedStatement> statements = parse(sql);
        return new Iterator<>() {
            private int index;
            private boolean stopped;

            @Override
            public boolean hasNext() {
                return !stopped && index < statements.size();
            }

            @Override
            public QueryResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                synchronized (KernelSession.this) {
                    ParsedStatement statement = statements.get(index++);
                    try {
                        beginStatement();
                        return run(statement, NO_PARAMS, null);
                    } catch (RuntimeException e) {
                        stopped = true;
                        throw e;
                    }
                }
            }
        };
    }

    @Override
    public synchronized long copyIn(String sql, Reader data) {
        return runCopyIn(sql, false, (copy, insert) -> CopyRows.copyIn(copy, data, insert));
    }

    @Override
    public synchronized long copyInRows(String sql, Iterator<Object[]> rows) {
        return runCopyIn(sql, true, (copy, insert) -> CopyRows.copyInValues(copy, rows, insert));
    }

    private long runCopyIn(String sql, boolean decoded, CopyRows.InLoop loop) {
        beginStatement();
        CopyCommand copy = copyCommand(sql, true, decoded);
        long start = System.nanoTime();
        activity.started(sql, settings.get("application_name"));
        boolean implicit = transaction == null;
        if (implicit) {
            transaction = store.begin(IsolationLevel.parse(settings.get("default_transaction_isolation")));
        }
        try {
            long rows = loop.run(copy, values -> runWrite(copy.rowPlan(), values, copy::rowPlan).rowCount());
            if (implicit) {
                Transaction t = transaction;
                transaction = null;
                store.commit(t);
            }
            return rows;
        } catch (RuntimeException e) {
            if (implicit && transaction != null) {
                Transaction t = transaction;
                transaction = null;
                store.rollback(t);
            }
            metrics.recordError();
            throw onError(e);
        } finally {
            metrics.recordStatement(System.nanoTime() - start);
            activity.finished(idleState(), settings.get("application_name"));
        }
    }

    @Override
    public synchronized long copyOut(String sql, Writer out) {
        return runCopyOut(sql, false, (copy, rows, check) -> CopyRows.copyOut(copy, rows, out, check));
    }

    @Override
    public synchronized long copyOutRows(String sql, Consumer<io.heliosdb.api.Row> sink) {
        return runCopyOut(sql, true, (copy, rows, check) -> CopyRows.copyOutRows(rows, sink, check));
    }

    private interface OutLoop {
        long run(CopyCommand copy, QueryResult rows, Runnable checkCancelled);
    }

    private long runCopyOut(String sql, boolean decoded, OutLoop loop) {
        beginStatement();
        CopyCommand copy = copyCommand(sql, false, decoded);
        activity.started(sql, settings.get("application_name"));
        try (QueryResult rows = runRead(copy.rowPlan(), NO_PARAMS, System.nanoTime())) {
            return loop.run(copy, rows, () -> {
                if (cancel.requested()) {
                    throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
                }
            });
        } catch (RuntimeException e) {
            metrics.recordError();
            throw onError(e);
        } finally {
            openResult = null;
            activity.finished(idleState(), settings.get("application_name"));
        }
    }

    /** Plans a single COPY statement of the wanted direction; binary needs the {@code decoded} (row) form. */
    private CopyCommand copyCommand(String sql, boolean in, boolean decoded) {
        List<ParsedStatement> statements = parse(sql);
        if (statements.size() != 1) {
            throw onError(new HeliosException(SqlState.SYNTAX_ERROR, "expected exactly one COPY statement"));
        }
        StatementPlan plan;
        try {
            plan = failed ? planInFailedTransaction(statements.get(0), List.of()).plan()
                    : plan(statements.get(0), List.of()).plan();
        } catch (RuntimeException e) {
            throw onError(e);
        }
        CopyCommand copy = plan.copyCommand();
        if (copy == null || copy.from() != in) {
            throw onError(new HeliosException(SqlState.WRONG_OBJECT_TYPE, in
                    ? "copyIn runs COPY ... FROM STDIN only" : "copyOut runs COPY ... TO STDOUT only"));
        }
        if (copy.format().binary() && !decoded) {
            throw onError(new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY FORMAT binary is read and"
                    + " written by the transport: run it with Session." + (in ? "copyInRows" : "copyOutRows")));
        }
        return copy;
    }

    /** What a COPY statement moves, for {@link KernelPreparedQuery#copy()}. */
    static io.heliosdb.api.CopyDescription describeCopy(StatementPlan plan) {
        CopyCommand copy = plan.copyCommand();
        return copy == null ? null : new io.heliosdb.api.CopyDescription(copy.from(), copy.columns().size(),
                copy.format().binary(), copy.columns().stream().map(io.heliosdb.api.Column::type).toList());
    }

    @Override
    public synchronized void onNotice(Consumer<Notice> listener) {
        this.noticeListener = listener;
    }

    private void notice(Notice notice) {
        Consumer<Notice> listener = noticeListener;
        if (listener != null) {
            listener.accept(notice);
        }
    }

    private QueryResult runCursorCommand(CursorCommand command, long start) {
        return switch (command.kind()) {
            case DECLARE -> cursors.declare(command, transaction != null, () -> {
                QueryResult rows = runRead(command.query(), NO_PARAMS, start, true);
                openResult = null;   // the cursor keeps it open across statements
                return rows;
            });
            case FETCH, MOVE -> cursors.fetchOrMove(command);
            case CLOSE -> cursors.close(command);
        };
    }

    @Override
    public synchronized TransactionStatus transactionStatus() {
        if (transaction == null) {
            return TransactionStatus.IDLE;
        }
        return failed ? TransactionStatus.FAILED : TransactionStatus.IN_TRANSACTION;
    }

    @Override
    public String user() {
        return user;
    }

    /** The session's current value of a run-time parameter, or null. */
    @Override
    public synchronized String setting(String name) {
        return settings.get(name);
    }

    /** What pg_stat_activity shows of this session (readable from any thread). */
    public SessionActivity activity() {
        return activity;
    }

    /** The parameters a server reports to its client at start-up. */
    public synchronized Map<String, String> reportedSettings() {
        return settings.reported();
    }

    @Override
    public void cancel() {
        cancel.request();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closeOpenResult();
        cursors.closeAll();
        if (transaction != null) {
            store.rollback(transaction);
            transaction = null;
        }
        closed = true;
        onClose.run();
    }

    /** Runs a prepared statement, planning it again when the catalog changed since it was planned. */
    synchronized QueryResult executePrepared(KernelPreparedQuery query, Object[] params) {
        beginStatement();
        if (query.statement() == null) {
            return BufferedResult.tag("");
        }
        return run(query.statement(), params == null ? NO_PARAMS : params, query);
    }

    private void beginStatement() {
        if (closed) {
            throw new HeliosException(SqlState.CONNECTION_EXCEPTION, "the session is closed");
        }
        closeOpenResult();
        cancel.reset();
        statementDeadline.set(deadlineNanos());
    }

    private void closeOpenResult() {
        if (openResult != null) {
            try {
                openResult.close();
            } finally {
                openResult = null;
            }
        }
    }

    private List<ParsedStatement> parse(String text) {
        try {
            return frontEnd.parse(text);
        } catch (RuntimeException e) {
            throw onError(e);
        }
    }

    /** The search_path the cached plans were made under. */
    private String plannedSearchPath;

    PlannedStatement plan(ParsedStatement statement, List<SqlType> declared) {
        Catalog.Snapshot committed = store.catalogFor(transaction);
        Transaction.SchemaStamp stamp = transaction != null ? transaction.schemaStamp(committed)
                : new Transaction.SchemaStamp(committed.version(), 0, 0);
        String path = settings.get("search_path");
        if (!path.equals(plannedSearchPath)) {
            planCache.clear(); // unqualified names may denote other objects now
            plannedSearchPath = path;
        }
        PlannedStatement cached = planCache.get(statement.sql(), declared);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached;
        }
        Transaction t = transaction;
        SchemaLookup schema = new PlanningSchema(committed, t, views, path, settings.get("session_authorization"));
        PlannedStatement planned = new PlannedStatement(frontEnd.plan(statement, schema, declared), stamp);
        planCache.put(statement.sql(), declared, planned);
        return planned;
    }

    Transaction.SchemaStamp currentStamp() {
        Catalog.Snapshot committed = store.catalogFor(transaction);
        return transaction != null ? transaction.schemaStamp(committed)
                : new Transaction.SchemaStamp(committed.version(), 0, 0);
    }

    private QueryResult run(ParsedStatement statement, Object[] params, KernelPreparedQuery prepared) {
        long start = System.nanoTime();
        activity.started(statement.sql(), settings.get("application_name"));
        boolean timedByResult = false;
        try {
            StatementPlan plan;
            if (failed) {
                plan = planInFailedTransaction(statement, prepared != null ? prepared.declared() : List.of()).plan();
            } else {
                plan = prepared != null ? prepared.currentPlan() : plan(statement, List.of()).plan();
            }
            statementStarted = UtcClock.nowMicros();
            if (transaction == null) {
                transactionStarted = statementStarted;
            }
            if (plan.transactionCommand() != null) {
                TransactionCommand command = plan.transactionCommand();
                return command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK
                        ? runTransactionCommand(command) : runTransactionControl(plan.transactionControl(), plan.sql());
            }
            if (plan.copyCommand() != null) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + (plan.copyCommand().from()
                        ? "FROM STDIN" : "TO STDOUT") + " needs a data stream: run it with Session.copyIn or copyOut");
            }
            if (plan.cursorCommand() != null) {
                return runCursorCommand(plan.cursorCommand(), start);
            }
            applyIsolationSetting();
            if (plan.readOnly()) {
                QueryResult result = runRead(plan, params, start);
                timedByResult = true;
                return result;
            }
            return runWrite(plan, params, () -> prepared != null ? prepared.currentPlan()
                    : plan(statement, List.of()).plan());
        } catch (RuntimeException e) {
            metrics.recordError();
            throw onError(e);
        } finally {
            if (!timedByResult) {
                metrics.recordStatement(System.nanoTime() - start);
            }
            activity.finished(idleState(), settings.get("application_name"));
        }
    }

    private String idleState() {
        if (transaction == null) {
            return "idle";
        }
        return failed ? "idle in transaction (aborted)" : "idle in transaction";
    }

    /** In a failed block only COMMIT and ROLLBACK may run; anything else (even if it cannot be planned) is 25P02. */
    private PlannedStatement planInFailedTransaction(ParsedStatement statement, List<SqlType> declared) {
        PlannedStatement planned;
        try {
            planned = plan(statement, declared);
        } catch (RuntimeException e) {
            throw abortedTransaction();
        }
        TransactionCommand command = planned.plan().transactionCommand();
        if (command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK
                || command == TransactionCommand.ROLLBACK_TO_SAVEPOINT) {
            return planned;
        }
        throw abortedTransaction();
    }

    private static HeliosException abortedTransaction() {
        return new HeliosException(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }

    private QueryResult runTransactionCommand(TransactionCommand command) {
        switch (command) {
            case COMMIT -> {
                if (transaction == null) {
                    notice(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
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
                    notice(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress"));
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
    }

    /** BEGIN: {@code isolation} and {@code readOnly} override the session defaults when not null. */
    private void beginTransaction(String isolation, Boolean readOnly) {
        IsolationLevel level = IsolationLevel.parse(isolation != null ? isolation
                : settings.get("default_transaction_isolation"));
        transaction = store.begin(level);
        failed = false;
        savepoints.clear();
        settings.beginTransaction();
        settings.set("transaction_isolation", level.settingValue());
        settings.set("transaction_read_only", readOnly != null ? (readOnly ? "on" : "off")
                : settings.get("default_transaction_read_only"));
    }

    /** Savepoints, BEGIN with modes, SET TRANSACTION, SET SESSION CHARACTERISTICS, VACUUM, ANALYZE. */
    private QueryResult runTransactionControl(io.heliosdb.sql.TransactionControl control, String sql) {
        switch (control.command()) {
            case BEGIN -> {
                if (transaction != null) {
                    notice(Notice.warning(SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress"));
                    applyTransactionModes(control);
                } else {
                    beginTransaction(control.isolation(), control.readOnly());
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
                    notice(Notice.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "SET TRANSACTION can only be used in transaction blocks"));
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
                if (transaction == null) {
                    settings.set("transaction_isolation", settings.get("default_transaction_isolation"));
                    settings.set("transaction_read_only", settings.get("default_transaction_read_only"));
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

    /** The command a read-only transaction refuses, named as PostgreSQL does ("INSERT", "CREATE TABLE"). */
    private static final java.util.regex.Pattern LOCKING_CLAUSE = java.util.regex.Pattern.compile(
            "\\bFOR\\s+(NO\\s+KEY\\s+UPDATE|KEY\\s+SHARE|UPDATE|SHARE)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static String commandName(String sql) {
        String[] words = sql.strip().split("\\s+", 3);
        String first = words[0].toUpperCase(java.util.Locale.ROOT);
        if (first.equals("SELECT") || first.equals("WITH")) {
            // A locking SELECT is named by its (first) clause, as PostgreSQL does: "SELECT FOR UPDATE".
            java.util.regex.Matcher m = LOCKING_CLAUSE.matcher(sql);
            if (m.find()) {
                return "SELECT FOR " + m.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            }
        }
        boolean twoWords = words.length > 1 && (first.equals("CREATE") || first.equals("DROP"));
        return twoWords ? first + " " + words[1].toUpperCase(java.util.Locale.ROOT) : first;
    }

    private void requireBlock(String what) {
        if (transaction == null) {
            throw new HeliosException(SqlState.NO_ACTIVE_SQL_TRANSACTION, what + " can only be used in transaction blocks");
        }
    }

    /** SET TRANSACTION (or a BEGIN inside a block): the isolation level only before the first query. */
    private void applyTransactionModes(io.heliosdb.sql.TransactionControl control) {
        if (control.isolation() != null) {
            IsolationLevel wanted = IsolationLevel.parse(control.isolation());
            if (!transaction.setIsolation(wanted)) {
                throw new HeliosException(SqlState.ACTIVE_SQL_TRANSACTION,
                        "SET TRANSACTION ISOLATION LEVEL must be called before any query");
            }
            settings.set("transaction_isolation", wanted.settingValue());
        }
        if (control.readOnly() != null) {
            settings.set("transaction_read_only", control.readOnly() ? "on" : "off");
        }
    }

    /** {@code SET transaction_isolation} inside a block applies until the transaction takes its snapshot. */
    private void applyIsolationSetting() {
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

    private QueryResult runWrite(StatementPlan firstPlan, Object[] params, Supplier<StatementPlan> replan) {
        boolean autocommit = transaction == null;
        if ("on".equals(settings.get(autocommit ? "default_transaction_read_only" : "transaction_read_only"))) {
            throw new HeliosException(SqlState.READ_ONLY_SQL_TRANSACTION,
                    "cannot execute " + commandName(firstPlan.sql()) + " in a read-only transaction");
        }
        Transaction t = autocommit ? store.begin(IsolationLevel.parse(settings.get("default_transaction_isolation")))
                : transaction;
        t.setLockWait(lockWait());
        Transaction.Mark mark = t.mark();
        StatementPlan plan = firstPlan;
        try {
            for (int restarts = 0; ; restarts++) {
                try (StatementReads reads = store.openReads(t)) {
                    BufferedResult result = BufferedResult.drain(plan.execute(context(t, reads), params));
                    if (savepoints.isEmpty()) {
                        t.statementDone(); // a savepoint still needs the undo information
                    }
                    if (autocommit) {
                        store.commit(t);
                    }
                    return result;
                } catch (StatementRestart restart) {
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
            throw e;
        }
    }

    /** Lock waits end at {@code lock_timeout}, on cancel, and at the statement's deadline. */
    private LockWait lockWait() {
        long deadline = deadlineNanos();
        return new LockWait(lockTimeoutMillis(), () -> {
            if (cancel.requested()) {
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
            if (deadline != 0 && System.nanoTime() - deadline > 0) {
                throw new HeliosException(SqlState.QUERY_CANCELED, "canceling statement due to statement timeout");
            }
        });
    }

    /** A streamed read counts as one statement from {@code start} until its result is read or closed. */
    private QueryResult runRead(StatementPlan plan, Object[] params, long start) {
        return runRead(plan, params, start, false);
    }

    private QueryResult runRead(StatementPlan plan, Object[] params, long start, boolean forCursor) {
        Transaction t = transaction != null ? transaction : store.begin();
        t.setLockWait(lockWait());
        StatementReads reads = store.openReads(t);
        try {
            KernelExecutionContext context = context(t, reads);
            StatementResult executed = plan.execute(forCursor ? context.deadline(statementDeadline) : context, params);
            StreamingResult result = new StreamingResult(executed, reads, this::onStreamError,
                    () -> metrics.recordStatement(System.nanoTime() - start));
            openResult = result;
            return result;
        } catch (RuntimeException e) {
            reads.close();
            throw e;
        } finally {
            if (t != transaction) {
                store.rollback(t);
            }
        }
    }

    private KernelExecutionContext context(Transaction t, StatementReads reads) {
        return new KernelExecutionContext(new TableRows(store, t, reads), settings,
                deadlineNanos(), cancel, views, metrics, sequenceValues, store.sequences(), activity.pid())
                .notices(this::notice).timestamps(transactionStarted, statementStarted);
    }

    private long deadlineNanos() {
        long timeout = settings.millis("statement_timeout");
        long configured = queryTimeoutSecs * 1000L;
        if (configured > 0 && (timeout <= 0 || configured < timeout)) {
            timeout = configured;
        }
        if (timeout <= 0) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        return deadline == 0 ? 1 : deadline;
    }

    private long lockTimeoutMillis() {
        long configured = settings.millis("lock_timeout");
        return configured > 0 ? configured : DEFAULT_LOCK_TIMEOUT_MILLIS;
    }

    private HeliosException onStreamError(RuntimeException e) {
        synchronized (this) {
            openResult = null;
            return onError(e);
        }
    }

    /**
     * Turns any failure into a HeliosException and fails an explicit transaction, as PostgreSQL does.
     * Error positions already count from the start of the whole text given to parse.
     */
    private HeliosException onError(RuntimeException e) {
        HeliosException error;
        if (e instanceof HeliosException h) {
            error = h;
        } else {
            LOG.log(Level.WARNING, "internal error while running a statement", e);
            error = new HeliosException(SqlState.INTERNAL_ERROR, "internal error: " + e, e);
        }
        if (transaction != null && !failed) {
            failed = true;
            // As in PostgreSQL, an aborted transaction lets go of its locks at once, not at ROLLBACK;
            // with a savepoint it stays open for ROLLBACK TO (its locks are then kept until it ends).
            if (savepoints.isEmpty()) {
                store.rollback(transaction);
            }
        }
        return error;
    }
}
