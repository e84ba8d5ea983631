package io.heliosdb.core.session;

import io.heliosdb.api.HeliosBatchException;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.PreparedQuery;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.core.monitor.QueryMetrics;
import io.heliosdb.core.txn.IsolationLevel;
import io.heliosdb.core.txn.Transaction;
import io.heliosdb.core.txn.TransactionalStore;
import io.heliosdb.sql.ParsedStatement;
import io.heliosdb.sql.StatementPlan;
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

/**
 * A session: statements run in autocommit mode until BEGIN (see {@link TransactionBlock}); a writing
 * statement runs to its end and commits as one batch ({@link StatementExecution}), a reading one
 * streams its rows. An error inside BEGIN..COMMIT fails the block as in PostgreSQL (25P02 until it ends).
 */
public final class KernelSession implements Session {
    private static final System.Logger LOG = System.getLogger("io.heliosdb.core.session");
    private static final Object[] NO_PARAMS = new Object[0];

    private final TransactionalStore store;
    private final SqlFrontEnd frontEnd;
    private final String user;
    private final Runnable onClose;
    private final SessionSettings settings;
    private final StatementCancel cancel = new StatementCancel();
    private final StatementDeadline statementDeadline = new StatementDeadline();
    private final QueryMetrics metrics;
    private final SessionActivity activity;
    private final SessionCursors cursors = new SessionCursors();
    private Consumer<Notice> noticeListener;

    private final TransactionBlock block;
    private final SessionPlanner planner;
    private final StatementLimits limits;
    private final StatementExecution execution;
    private final LiftedStatements lifted;
    private StreamingResult openResult;
    private String applicationName;
    private long applicationNameVersion = Long.MIN_VALUE;
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
        this(store, frontEnd, user, queryTimeoutSecs, onClose, views, metrics, pid, new SharedParses());
    }

    /** A session of an open database whose sessions share {@code parses} (see {@link SharedParses}). */
    public KernelSession(TransactionalStore store, SqlFrontEnd frontEnd, String user, int queryTimeoutSecs,
                         Runnable onClose, SystemViews views, QueryMetrics metrics, int pid, SharedParses parses) {
        this.metrics = metrics;
        this.activity = new SessionActivity(pid, user, store.locks()::isBlocked,
                store.serializableTracker()::awaitsSafeSnapshot);
        this.store = store;
        this.frontEnd = frontEnd;
        this.user = user;
        this.onClose = onClose;
        this.settings = new SessionSettings(user);
        this.block = new TransactionBlock(store, settings, cursors, this::notice);
        this.planner = new SessionPlanner(store, frontEnd, views, settings);
        this.limits = new StatementLimits(settings, queryTimeoutSecs, cancel);
        this.execution = new StatementExecution(store, block, settings, limits, cancel, views, metrics,
                activity.pid(), this::notice);
        this.lifted = new LiftedStatements(frontEnd, parses,
                Boolean.parseBoolean(System.getProperty(LiftedStatements.PROPERTY, "true")));
    }

    /** What {@code is_superuser} reports: whether the session's role is a superuser. */
    public synchronized void reportSuperuser(boolean superuser) {
        settings.set("is_superuser", superuser ? "on" : "off");
    }

    @Override
    public synchronized QueryResult execute(String sql, Object... params) {
        beginStatement();
        LiftedStatements.Lifted text = params == null || params.length == 0 ? lift(sql) : null;
        if (text != null) {
            return run(text.statement(), text.args(), text.query());
        }
        List<ParsedStatement> statements = parseText(sql);
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
        ParsedStatement parsedBefore = lifted.preparedText(sql);
        List<ParsedStatement> statements = parsedBefore != null ? List.of(parsedBefore) : parse(sql);
        if (parsedBefore == null && statements.size() == 1) {
            lifted.preparedTextParsed(sql, statements.get(0));
        }
        if (statements.size() > 1) {
            throw onError(new HeliosException(SqlState.SYNTAX_ERROR,
                    "cannot insert multiple commands into a prepared statement"));
        }
        ParsedStatement statement = statements.isEmpty() ? null : statements.get(0);
        // A null entry (a Parse's parameter type 0) leaves that type to inference: List.copyOf would refuse it.
        List<SqlType> declared = parameterTypes == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameterTypes));
        PlannedStatement planned = null;
        if (statement != null) {
            try {
                planned = block.failed() ? planInFailedTransaction(statement, declared) : plan(statement, declared);
            } catch (RuntimeException e) {
                throw onError(e);
            }
        }
        return new KernelPreparedQuery(this, sql, statement, declared, planned);
    }

    @Override
    public synchronized Iterator<QueryResult> executeScript(String sql) {
        beginStatement();
        LiftedStatements.Lifted text = lift(sql);
        if (text != null) {
            return runLater(text);
        }
        List<ParsedStatement> statements = parseText(sql);
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

    /** A one-statement text as its lifted shape ({@link LiftedStatements}), or null to parse it. */
    private LiftedStatements.Lifted lift(String sql) {
        return block.failed() ? null : lifted.find(sql, this);
    }

    /** Whether texts run as their lifted shapes (tests compare both ways). */
    synchronized void liftLiterals(boolean on) {
        lifted.enabled(on);
    }

    /** How many shapes the session keeps (bounded). */
    synchronized int liftedShapes() {
        return lifted.size();
    }

    private Iterator<QueryResult> runLater(LiftedStatements.Lifted text) {
        return new Iterator<>() {
            private boolean done;

            @Override
            public boolean hasNext() {
                return !done;
            }

            @Override
            public QueryResult next() {
                if (done) {
                    throw new NoSuchElementException();
                }
                done = true;
                synchronized (KernelSession.this) {
                    beginStatement();
                    return run(text.statement(), text.args(), text.query());
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
        activity.started(sql, applicationName(), start);
        boolean implicit = block.transaction() == null;
        if (implicit) {
            block.adopt(store.begin(IsolationLevel.parse(settings.get("default_transaction_isolation"))));
        }
        try {
            long rows = loop.run(copy, batch -> execution.writeBatch(copy.rowPlan(), batch, BatchEntries.NO_OBSERVER,
                    copy::rowPlan));
            if (implicit) {
                store.commit(block.detach());
            }
            return rows;
        } catch (RuntimeException e) {
            Transaction t = implicit ? block.detach() : null;
            if (t != null) {
                store.rollback(t);
            }
            metrics.recordError();
            throw onError(e);
        } finally {
            metrics.recordStatement(System.nanoTime() - start);
            activity.finished(block.idleState(), applicationName());
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

    private long runCopyOut(String sql, boolean decoded, CopyRows.OutLoop loop) {
        beginStatement();
        CopyCommand copy = copyCommand(sql, false, decoded);
        activity.started(sql, applicationName(), System.nanoTime());
        try (QueryResult rows = runRead(copy.rowPlan(), NO_PARAMS, System.nanoTime())) {
            return loop.run(copy, rows, limits::checkCancelled);
        } catch (RuntimeException e) {
            metrics.recordError();
            throw onError(e);
        } finally {
            openResult = null;
            activity.finished(block.idleState(), applicationName());
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
            plan = block.failed() ? planInFailedTransaction(statements.get(0), List.of()).plan()
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

    /** The columns of the open cursor {@code name}; none when there is no such cursor. */
    synchronized List<io.heliosdb.api.Column> cursorColumns(String name) {
        return cursors.columns(name);
    }

    private QueryResult runCursorCommand(CursorCommand command, long start) {
        return switch (command.kind()) {
            case DECLARE -> cursors.declare(command, block.transaction() != null, () -> {
                QueryResult rows = runRead(command.query(), NO_PARAMS, start, statementDeadline);
                openResult = null;   // the cursor keeps it open across statements
                return rows;
            });
            case FETCH, MOVE -> cursors.fetchOrMove(command);
            case CLOSE -> cursors.close(command);
        };
    }

    @Override
    public synchronized TransactionStatus transactionStatus() {
        return block.status();
    }

    @Override
    public synchronized void failTransaction() {
        block.fail();
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

    /** Not synchronized: the count is volatile, and read before every ReadyForQuery. */
    @Override
    public long settingsVersion() {
        return settings.version();
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
        block.rollbackOpen();
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

    /** Runs a prepared statement once per parameter set (see {@link PreparedQuery#executeBatch(List)}). */
    synchronized long[] executeBatch(KernelPreparedQuery query, List<Object[]> parameterSets,
                                     java.util.function.IntConsumer entryStarts) {
        beginStatement();
        if (parameterSets.isEmpty() || query.statement() == null) {
            return new long[parameterSets.size()];
        }
        StatementPlan plan = null;
        if (!block.failed()) {
            try {
                plan = query.currentPlan();
            } catch (RuntimeException e) {
                metrics.recordError();
                throw new HeliosBatchException(0, onError(e), new long[0]); // it fails every entry: the first is named
            }
            if (!plan.columns().isEmpty()) {
                throw onError(new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                        "a batch runs statements that return no rows; this one returns rows"));
            }
        }
        if (plan == null || !BatchEntries.asOneStatement(plan)) {
            int[] entry = {0};
            return BatchEntries.run(params -> {
                if (entry[0]++ > 0) {
                    beginStatement();
                }
                try (QueryResult result = run(query.statement(), params == null ? NO_PARAMS : params, query)) {
                    while (result.next()) {
                        // only the count is returned
                    }
                    return result.rowCount();
                }
            }, parameterSets, entryStarts);
        }
        long start = System.nanoTime();
        activity.started(query.sql(), applicationName(), start);
        try {
            execution.markStarted(activity.fixQueryStart());
            block.applyIsolationSetting();
            return execution.writeBatch(plan, parameterSets, entryStarts, query::currentPlan);
        } catch (RuntimeException e) {
            metrics.recordError();
            throw onError(e);
        } finally {
            metrics.recordStatement(System.nanoTime() - start);
            activity.finished(block.idleState(), applicationName());
        }
    }

    /** application_name for pg_stat_activity, looked up again only after a setting changed (twice per statement). */
    private String applicationName() {
        long version = settings.version();
        if (version != applicationNameVersion) {
            applicationName = settings.get("application_name");
            applicationNameVersion = version;
        }
        return applicationName;
    }

    private void beginStatement() {
        if (closed) {
            throw new HeliosException(SqlState.CONNECTION_EXCEPTION, "the session is closed");
        }
        closeOpenResult();
        settings.endStatement();   // in case the last statement's result was never read to its end
        cancel.reset();
        statementDeadline.set(limits.deadlineNanos());
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

    /** A whole text to run, through the session's parses of short texts (see {@link LiftedStatements#parse}). */
    private List<ParsedStatement> parseText(String text) {
        try {
            return lifted.parse(text);
        } catch (RuntimeException e) {
            throw onError(e);
        }
    }

    private List<ParsedStatement> parse(String text) {
        try {
            return frontEnd.parse(text);
        } catch (RuntimeException e) {
            throw onError(e);
        }
    }

    PlannedStatement plan(ParsedStatement statement, List<SqlType> declared) {
        return planner.plan(statement, declared, block.transaction());
    }

    Transaction.SchemaStamp currentStamp() {
        return planner.currentStamp(block.transaction());
    }

    private QueryResult run(ParsedStatement statement, Object[] params, KernelPreparedQuery prepared) {
        long start = System.nanoTime();
        activity.started(statement.sql(), applicationName(), start);
        boolean timedByResult = false;
        try {
            StatementPlan plan;
            if (block.failed()) {
                plan = planInFailedTransaction(statement, prepared != null ? prepared.declared() : List.of()).plan();
            } else {
                plan = prepared != null ? prepared.currentPlan() : plan(statement, List.of()).plan();
                // An unprepared point SELECT (its key a literal) takes the same read as a prepared one.
                PointRead point = prepared != null ? prepared.pointRead(plan) : PointRead.of(plan);
                if (point != null) {
                    Transaction open = block.transaction();
                    if (open == null && !execution.autocommitSerializable()) {
                        return point.run(store.latestRows(), params, metrics);
                    }
                    // Under default SERIALIZABLE it is a tracked one-statement transaction: the plan's read below.
                    if (open != null) {
                        block.applyIsolationSetting();
                        open.markQueried();
                        if (open.awaitsSafeSnapshot()) {
                            open.setLockWait(limits.lockWait());   // its wait for a safe snapshot ends on cancel
                        }
                        return point.run(store, open, params, metrics);
                    }
                }
            }
            execution.markStarted(activity.fixQueryStart());
            if (plan.transactionCommand() != null) {
                return block.run(plan.transactionCommand(), plan.transactionControl(), plan.sql());
            }
            if (plan.copyCommand() != null) {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + (plan.copyCommand().from()
                        ? "FROM STDIN" : "TO STDOUT") + " needs a data stream: run it with Session.copyIn or copyOut");
            }
            if (plan.cursorCommand() != null) {
                return runCursorCommand(plan.cursorCommand(), start);
            }
            block.applyIsolationSetting();
            if (plan.readOnly()) {
                QueryResult result = runRead(plan, params, start);
                timedByResult = true;
                return result;
            }
            return execution.write(plan, params, () -> prepared != null ? prepared.currentPlan()
                    : plan(statement, List.of()).plan());
        } catch (RuntimeException e) {
            metrics.recordError();
            throw onError(e);
        } finally {
            if (!timedByResult) {
                metrics.recordStatement(System.nanoTime() - start);
                settings.endStatement();
            }
            activity.finished(block.idleState(), applicationName());
        }
    }

    /** In a failed block only COMMIT and ROLLBACK may run; anything else (even if it cannot be planned) is 25P02. */
    private PlannedStatement planInFailedTransaction(ParsedStatement statement, List<SqlType> declared) {
        PlannedStatement planned;
        try {
            planned = plan(statement, declared);
        } catch (RuntimeException e) {
            throw TransactionBlock.aborted();
        }
        if (TransactionBlock.allowedWhenFailed(planned.plan().transactionCommand())) {
            return planned;
        }
        throw TransactionBlock.aborted();
    }

    private QueryResult runRead(StatementPlan plan, Object[] params, long start) {
        return runRead(plan, params, start, null);
    }

    /** {@code cursorDeadline}: for a cursor's plan, the deadline of whichever statement reads it (each FETCH). */
    private QueryResult runRead(StatementPlan plan, Object[] params, long start, StatementDeadline cursorDeadline) {
        StreamingResult result = execution.read(plan, params, start, cursorDeadline, this::onStreamError);
        openResult = result;
        return result;
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
        block.fail();
        return error;
    }
}
