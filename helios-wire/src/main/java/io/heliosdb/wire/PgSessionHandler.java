package io.heliosdb.wire;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.QueryResult;
import io.heliosdb.api.Session;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.TransactionStatus;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.FrontendMessage;
import io.heliosdb.wire.protocol.FrontendMessage.Startup;
import io.heliosdb.wire.protocol.ProtocolViolation;
import io.heliosdb.wire.protocol.PgFrameDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.heliosdb.api.CopyDescription;
import io.heliosdb.api.PreparedQuery;

/**
 * One client connection: the startup handshake, then simple and extended queries against one
 * {@link Session}. Netty's event loop only queues messages; they are handled in order on the
 * server's worker pool, so a slow query never stalls other connections' I/O.
 */
final class PgSessionHandler extends SimpleChannelInboundHandler<FrontendMessage> implements PgOutput {

    private static final System.Logger LOG = System.getLogger(PgSessionHandler.class.getName());

    /** Queued messages beyond which we stop reading from the socket until the worker catches up. */
    private static final int MAX_PENDING_MESSAGES = 1024;

    /**
     * Whether a connection's worker may read its socket itself between statements ({@link WorkerSocketReads});
     * {@code -Dhelios.wire.workerReads=false} keeps every read on the event loop (to compare the two).
     */
    static final String WORKER_READS_PROPERTY = "helios.wire.workerReads";

    private static final BackendMessage READY_IDLE = new BackendMessage.ReadyForQuery('I');
    private static final BackendMessage READY_IN_BLOCK = new BackendMessage.ReadyForQuery('T');
    private static final BackendMessage READY_FAILED = new BackendMessage.ReadyForQuery('E');

    /** Startup packet entries that are not run-time settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("user", "database", "options", "replication");

    private final ServerContext server;
    private final QueryCancellation cancellation = new QueryCancellation();
    private final Object writability = new Object();
    private SerialExecutor serial;
    private Channel channel;
    private Outbox outbox;
    // Event-loop confined: TLS is negotiated there, before anything reaches the workers.
    private boolean startupSeen;
    /** Messages decoded from the current socket read, not yet handed to the worker. */
    private List<Runnable> readBatch = new ArrayList<>();
    /** Reading paused because more than {@link #MAX_PENDING_MESSAGES} messages wait for the worker. */
    private boolean pausedForBacklog;
    /** Messages decoded and not yet handled, across batches (event loop adds, worker subtracts). */
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private ScheduledFuture<?> startupTimeout;
    /** The connection's worker may read its socket itself (null: never, e.g. TLS or an embedded channel). */
    private WorkerSocketReads workerReads;
    private PgFrameDecoder decoder;
    /** Event loop: TLS was negotiated (the loop must decrypt every byte). */
    private boolean encrypted;
    /** Event loop: a message of the current read may start a COPY, whose data the loop must feed. */
    private boolean batchMayCopy;
    /** The worker reads the socket now, or will once the batch ahead of it ran (set and cleared on the loop). */
    private volatile boolean workerReading;
    private volatile boolean authenticated;

    // Touched only by tasks on `serial`, which run one at a time (volatile: a vanished client cancels it).
    private volatile Session session;
    private ExtendedQueryProtocol extended;
    private ImplicitTransaction implicit;
    private ReportedParameters reported;
    private AuthenticationExchange authentication;
    private Startup startupMessage;
    private BackendKeyRegistry.Key key;
    private boolean counted;
    /** The role whose session this is, counted against its CONNECTION LIMIT; null until counted. */
    private String roleCounted;
    private boolean skipUntilSync;
    private boolean finished;
    private volatile boolean busy;
    private volatile boolean shuttingDown;
    private StatementTimeout timeout;
    private IdleTimeout idleTimeout;
    /** Counts ReadyForQuery messages, so that a timer armed for an earlier statement cannot cancel a later one. */
    private volatile long statementGeneration;
    /** COPY FROM STDIN's data stream, set on the event loop when a query that may be a COPY arrives. */
    private final AtomicReference<CopyInStream> copyIn = new AtomicReference<>();
    /** Event loop: which statements and portals are COPYs. */
    private final CopyStatementTracker copyStatements = new CopyStatementTracker();
    /** Worker: the COPY FROM stream set up for the message being handled, or null. */
    private CopyInStream currentCopyStream;
    /** Worker: for the Sync being handled, the COPY stream that awaited data when it arrived, or null. */
    private CopyInStream syncDuringCopy;
    /** Worker: the stream of the COPY FROM that entered copy-in mode last; Syncs sent during it are ignored. */
    private CopyInStream copyInMode;
    private CopyExecution copyExecution;
    private final List<Runnable> idleWaiters = new ArrayList<>();

    PgSessionHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        outbox = new Outbox(channel, writability);
        serial = new SerialExecutor(server.workers());
        decoder = ctx.pipeline().get(PgFrameDecoder.class);
        if (channel instanceof DirectWriteSocketChannel direct && decoder != null
                && Boolean.parseBoolean(System.getProperty(WORKER_READS_PROPERTY, "true"))) {
            workerReads = new WorkerSocketReads(direct, decoder.maxMessageLength());
            serial.onQueuedBehind(workerReads::wake);
        }
        long timeoutMillis = server.startupTimeout().toMillis();
        startupTimeout = ctx.executor().schedule(() -> {
            if (!authenticated) {
                // As PostgreSQL's authentication_timeout: the client gets no message, only a closed socket.
                LOG.log(System.Logger.Level.DEBUG, "closing {0}: no startup within {1} ms", channel, timeoutMillis);
                ctx.close();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FrontendMessage message) {
        if (!startupSeen && (message instanceof FrontendMessage.SslRequest
                || message instanceof FrontendMessage.GssEncRequest)) {
            negotiateEncryption(ctx, message instanceof FrontendMessage.SslRequest);
            return;
        }
        startupSeen |= message instanceof Startup;
        if (message instanceof FrontendMessage.CopyData || message instanceof FrontendMessage.CopyDone
                || message instanceof FrontendMessage.CopyFail) {
            // Straight to the COPY that reads them (it runs on the worker); outside a COPY they are dropped.
            CopyInStream in = copyIn.get();
            if (in != null) {
                if (message instanceof FrontendMessage.CopyData d) {
                    in.data(d.data());
                } else if (message instanceof FrontendMessage.CopyFail f) {
                    in.fail(f.message());
                } else {
                    in.done();
                }
            }
            return;
        }
        CopyInStream stream = null;
        if (authenticated && copyStatements.mayStartCopy(message)) {
            stream = new CopyInStream(channel);
            copyIn.set(stream);
        }
        CopyInStream copyStream = stream;
        CopyInStream duringCopy = message instanceof FrontendMessage.Sync ? readingCopy() : null;
        batchMayCopy |= copyStream != null || duringCopy != null;
        if (readBatch.isEmpty()) {
            // channelReadComplete hands the batch over; this catches a read that ends without one.
            ctx.executor().execute(this::submitReadBatch);
        }
        queuedMessages.incrementAndGet();
        readBatch.add(() -> {
            queuedMessages.decrementAndGet();
            handle(message, copyStream, duringCopy);
        });
        if (!pausedForBacklog && queuedMessages.get() > MAX_PENDING_MESSAGES) {
            pausedForBacklog = true;
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        submitReadBatch(true);
        super.channelReadComplete(ctx);
    }

    /**
     * Event loop: hands what the socket read decoded to the worker as one task. Whatever else the event
     * loop queues for the worker (an error, the connection's end) calls this first, so order is kept.
     */
    private void submitReadBatch() {
        submitReadBatch(false);
    }

    /**
     * {@code betweenReads}: called where the decoder holds no decoded message (the end of a socket read),
     * so the worker may take the reading over after this batch ({@link WorkerSocketReads}).
     */
    private void submitReadBatch(boolean betweenReads) {
        if (readBatch.isEmpty()) {
            return;
        }
        List<Runnable> batch = readBatch;
        readBatch = new ArrayList<>();
        boolean mayCopy = batchMayCopy;
        batchMayCopy = false;
        if (betweenReads && !mayCopy && workerReads != null && !workerReading && !encrypted && !pausedForBacklog
                && authenticated && !shuttingDown && copyIn.get() == null && channel.isActive()) {
            ByteBuf unread = decoder.takeBuffered();
            if (unread != null) {
                channel.config().setAutoRead(false);
                workerReading = true;
                batch.add(() -> workerReads.run(unread, workerSide));
            }
        }
        serial.executeAll(batch);
        if (pausedForBacklog) {
            pausedForBacklog = false;
            // Reading resumes once the worker has caught up with everything queued so far.
            serial.execute(() -> channel.config().setAutoRead(true));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            ctx.close();  // the peer went away; nobody is left to tell
            return;
        }
        submitReadBatch();
        serial.execute(() -> fatal(cause));
    }

    /** From any thread: stops the statement running now (a CancelRequest, or the client went away). */
    private void cancelRunningStatement() {
        Session running = session;
        if (busy && running != null) {
            cancellation.request();
            running.cancel();
            CopyInStream in = copyIn.get();
            if (in != null) {
                in.fail("canceling statement due to user request");
            }
        }
    }

    /**
     * Answers SSLRequest/GSSENCRequest on the event loop, so that the TLS handler is in place before
     * the client's handshake bytes arrive. 'S' passes the pipeline before the SslHandler is added.
     */
    private void negotiateEncryption(ChannelHandlerContext ctx, boolean ssl) {
        boolean tlsActive = ctx.pipeline().get(SslHandler.class) != null;
        if (ssl && server.tls() != null && !tlsActive) {
            ctx.writeAndFlush(new BackendMessage.EncryptionAccepted());
            ctx.pipeline().addFirst("tls", server.tls().context().newHandler(ctx.alloc()));
            encrypted = true;
        } else if (tlsActive) {
            submitReadBatch();
            serial.execute(() -> fatal(new ProtocolViolation("SSLRequest received after TLS was established")));
        } else {
            ctx.writeAndFlush(new BackendMessage.EncryptionRefused());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (startupTimeout != null) {
            startupTimeout.cancel(false);
        }
        cancelRunningStatement();
        CopyInStream in = copyIn.get();
        if (in != null) {
            in.fail("connection ended");
        }
        synchronized (writability) {
            writability.notifyAll();
        }
        submitReadBatch();
        serial.execute(this::release);
        super.channelInactive(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        synchronized (writability) {
            writability.notifyAll();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void send(BackendMessage message) {
        if (!channel.isActive()) {
            return;   // the client left; what it would have read goes nowhere
        }
        if (outbox.add(message) && outbox.mustWait() && !channel.eventLoop().inEventLoop()) {
            awaitWritable();
        }
    }

    @Override
    public void flush() {
        outbox.push();
    }

    /** Holds a worker (never the event loop) until the client has read enough of what we sent. */
    private void awaitWritable() {
        synchronized (writability) {
            outbox.waiting(true);
            try {
                while (outbox.mustWait()) {
                    try {
                        writability.wait(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new HeliosException(SqlState.ADMIN_SHUTDOWN, "terminating connection due to shutdown");
                    }
                }
            } finally {
                outbox.waiting(false);
            }
        }
    }

    /**
     * From any thread: whether the worker waits for the client to read what was sent (the socket's
     * buffers are full); tests use it to stop a client's reading at a known point.
     */
    boolean waitingForClient() {
        return outbox.isWaiting();
    }

    /**
     * From any thread: runs {@code action} once no statement (or pipeline up to Sync) runs, at once when
     * idle now; used by a graceful shutdown instead of polling {@link #isBusy()}.
     */
    void whenIdle(Runnable action) {
        synchronized (idleWaiters) {
            if (!busy) {
                action.run();
                return;
            }
            idleWaiters.add(action);
        }
    }

    private void signalIdle() {
        List<Runnable> waiting;
        synchronized (idleWaiters) {
            if (idleWaiters.isEmpty()) {
                return;   // the usual case: no copy per statement
            }
            waiting = List.copyOf(idleWaiters);
            idleWaiters.clear();
        }
        waiting.forEach(Runnable::run);
    }

    /** From any thread: whether the socket is the worker's to read now (or once its current batch ran). */
    boolean workerReadsSocket() {
        return workerReading;
    }

    /** From any thread: how many messages the connection's worker read from the socket itself (tests). */
    long messagesReadByWorker() {
        return workerReads == null ? 0 : workerReads.inlineMessages();
    }

    /** From any thread: whether a statement (or pipeline up to Sync) is running now. */
    boolean isBusy() {
        return busy;
    }

    /**
     * From any thread, at server shutdown: stops what still runs and ends the connection with FATAL
     * 57P01 once its worker gets to it; messages the client sends meanwhile are not run.
     */
    void terminate() {
        shuttingDown = true;
        cancelRunningStatement();
        serial.execute(this::terminateNow);
    }

    private void terminateNow() {
        fatal(new HeliosException(SqlState.ADMIN_SHUTDOWN, "terminating connection due to administrator command"));
    }

    /** The connection as its socket-reading worker sees it. */
    private final WorkerSocketReads.Connection workerSide = new WorkerSocketReads.Connection() {
        @Override
        public boolean runInline(FrontendMessage message) {
            if (copyStatements.mayStartCopy(message)) {
                return false;   // the loop sets up the COPY's data stream for it, as for any COPY
            }
            handle(message, null, null);
            return true;
        }

        @Override
        public boolean mustStop() {
            return finished || shuttingDown || !channel.isActive() || serial.hasQueued() || !onWorkerThread();
        }

        @Override
        public void handBack(ByteBuf unread) {
            try {
                channel.eventLoop().execute(() -> resumeLoopReads(unread));
            } catch (RejectedExecutionException e) {
                unread.release();   // the loop is gone with the server; so is the connection
            }
        }
    };

    /** A worker of the pool may wait on the socket; the event loop or an overflow thread must not. */
    private boolean onWorkerThread() {
        return !channel.eventLoop().inEventLoop() && server.workers() instanceof WorkerPool pool
                && !pool.onOverflowThread();
    }

    /** Event loop: reads the socket again, starting with the bytes the worker read and did not run. */
    private void resumeLoopReads(ByteBuf unread) {
        workerReading = false;
        if (!channel.isActive()) {
            unread.release();
            return;
        }
        channel.config().setAutoRead(true);
        if (unread.isReadable()) {
            channel.pipeline().fireChannelRead(unread);
            channel.pipeline().fireChannelReadComplete();
        } else {
            unread.release();
        }
    }

    /** Event loop: the COPY FROM stream still waiting for the client's data, or null. */
    private CopyInStream readingCopy() {
        CopyInStream in = copyIn.get();
        return in != null && in.awaitingData() ? in : null;
    }

    /**
     * {@code copyStream} is the COPY FROM stream set up for this message (or null), abandoned once it is
     * handled; {@code duringCopy} is, for a Sync, the COPY stream that still awaited data when it arrived:
     * a Sync sent during copy-in mode is ignored, as PostgreSQL does (libpq sends one right after Execute).
     */
    private void handle(FrontendMessage message, CopyInStream copyStream, CopyInStream duringCopy) {
        try {
            syncDuringCopy = duringCopy;
            currentCopyStream = copyStream;
            handle(message);
        } finally {
            currentCopyStream = null;
            if (copyStream != null) {
                copyStream.abandon();
                copyIn.compareAndSet(copyStream, null);
            }
        }
    }

    private void handle(FrontendMessage message) {
        if (finished) {
            return;
        }
        if (shuttingDown) {
            terminateNow();
            return;
        }
        try {
            dispatch(message);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // Whatever escaped the per-message handling leaves the protocol state unknown: end the connection
            // rather than leave the client waiting for an answer that never comes.
            fatal(e);
        }
    }

    private void dispatch(FrontendMessage message) {
        if (session == null) {
            handleStartupPhase(message);
            return;
        }
        idleTimeout.stop();
        if (extended.holdsBatch() && !(message instanceof FrontendMessage.Parse
                || message instanceof FrontendMessage.Bind || message instanceof FrontendMessage.Describe
                || message instanceof FrontendMessage.Execute)) {
            runHeldBatch();
        }
        if (message instanceof FrontendMessage.Terminate) {
            finish();
            return;
        }
        if (message instanceof FrontendMessage.Sync) {
            if (syncDuringCopy != null && syncDuringCopy == copyInMode) {
                return;   // sent while COPY FROM STDIN read its data: PostgreSQL ignores it
            }
            skipUntilSync = false;
            endImplicitTransaction();
            if (session.transactionStatus() == TransactionStatus.IDLE) {
                extended.closePortals();
            }
            readyForQuery();
            return;
        }
        if (skipUntilSync) {
            return;
        }
        if (!busy) {
            armTimeout();
        }
        busy = true;
        if (message instanceof FrontendMessage.Query q) {
            simpleQuery(q.sql());
            return;
        }
        try {
            if (message instanceof FrontendMessage.Parse m) {
                extended.parse(m);
            } else if (message instanceof FrontendMessage.Bind m) {
                extended.bind(m);
            } else if (message instanceof FrontendMessage.Describe m) {
                extended.describe(m);
            } else if (message instanceof FrontendMessage.Execute m) {
                extended.execute(m);
            } else if (message instanceof FrontendMessage.Close m) {
                extended.close(m);
            } else if (message instanceof FrontendMessage.Flush) {
                flush();
            } else {
                fatal(new ProtocolViolation("unexpected message " + message.getClass().getSimpleName()
                        + " after startup"));
            }
        } catch (RuntimeException e) {
            extendedError(e);
        }
    }

    /** Runs the pipelined Bind/Execute messages held back for a batch before a message that cannot join them. */
    private void runHeldBatch() {
        try {
            extended.runBatch();
        } catch (RuntimeException e) {
            extendedError(e);
        }
    }

    /**
     * Answers an extended-protocol message's error and skips to Sync. As in PostgreSQL every error aborts the
     * transaction, also one no statement raised (a bad Bind, a missing statement or portal): an implicit block
     * rolls back at Sync, a client's BEGIN block answers 25P02 until it ends.
     */
    private void extendedError(RuntimeException e) {
        send(ErrorResponses.of(cancellation.explain(e), ErrorResponses.ERROR));
        implicit.fail();
        session.failTransaction();
        skipUntilSync = true;
    }

    private void handleStartupPhase(FrontendMessage message) {
        if (authentication != null) {
            if (message instanceof FrontendMessage.PasswordMessage p) {
                if (authentication.accept(p.body())) {
                    authentication = null;
                    completeStartup(startupMessage);
                }
            } else if (message instanceof FrontendMessage.Terminate) {
                finish();
            } else {
                fatal(new ProtocolViolation("expected password response, got message type "
                        + message.getClass().getSimpleName()));
            }
        } else if (message instanceof FrontendMessage.SslRequest || message instanceof FrontendMessage.GssEncRequest) {
            fatal(new ProtocolViolation("unexpected encryption request after the startup packet"));
        } else if (message instanceof FrontendMessage.CancelRequest c) {
            server.keys().cancel(c.processId(), c.secretKey());
            finish();
        } else if (message instanceof Startup s) {
            startup(s);
        } else {
            fatal(new ProtocolViolation("expected a startup message"));
        }
    }

    private void startup(Startup s) {
        if (s.majorVersion() != 3) {
            fatal(new ProtocolViolation("unsupported frontend protocol " + s.majorVersion() + "." + s.minorVersion()
                    + ": server supports 3.0 to 3.0"));
            return;
        }
        String user = s.parameters().get("user");
        if (user == null || user.isEmpty()) {
            fatal(new HeliosException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet"));
            return;
        }
        counted = true;
        if (server.sessions().incrementAndGet() > server.maxConnections()) {
            fatal(new HeliosException(SqlState.TOO_MANY_CONNECTIONS, "sorry, too many clients already"));
            return;
        }
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        AuthenticationExchange exchange = new AuthenticationExchange(server.credentials(), user, this,
                tls == null || server.tls() == null ? null : server.tls().endPointBinding());
        if (exchange.begin()) {
            completeStartup(s);
        } else {
            authentication = exchange;
            startupMessage = s;
        }
    }

    /** After authentication: opens the session, applies the startup settings and reports them. */
    private void completeStartup(Startup s) {
        String user = s.parameters().get("user");
        try {
            if (!server.credentials().exists(user)) {
                fatal(new HeliosException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                        "role \"" + user + "\" does not exist"));
                return;
            }
            // As in PostgreSQL, a NOLOGIN role is refused only after it has authenticated.
            if (server.credentials().role(user).map(r -> !r.canLogin()).orElse(false)) {
                fatal(new HeliosException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                        "role \"" + user + "\" is not permitted to log in"));
                return;
            }
            boolean superuser = server.credentials().role(user).map(r -> r.superuser()).orElse(false);
            if (!server.roleSessions().tryOpen(user, superuser ? -1 : server.credentials().connectionLimit(user))) {
                fatal(new HeliosException(SqlState.TOO_MANY_CONNECTIONS, "too many connections for role \"" + user
                        + "\""));
                return;
            }
            roleCounted = user;
            session = server.db().session(user);
        } catch (RuntimeException e) {
            fatal(e);
            return;
        }
        authenticated = true;
        startupMessage = null;
        if (channel.pipeline().get(SslHandler.class) == null) {
            outbox.allowDirectWrites();   // TLS encrypts on the event loop; a plain socket the worker may write
        }
        applyStartupSettings(s.parameters());
        session.onNotice(notice -> {
            // A client BEGIN inside our implicit block takes the block over silently, as in PostgreSQL.
            if (!(implicit.isOpen() && notice.state().equals(SqlState.ACTIVE_SQL_TRANSACTION.code()))) {
                BackendMessage response = new BackendMessage.NoticeResponse(notice.severity(), notice.state(),
                        notice.message());
                ExtendedQueryProtocol protocol = extended;
                if (protocol == null || !protocol.holdsNotice(response)) {
                    send(response);
                }
            }
        });
        reported = new ReportedParameters(session);
        implicit = new ImplicitTransaction(session);
        timeout = new StatementTimeout(channel.eventLoop(), server.db().config().performance().queryTimeoutSecs());
        idleTimeout = new IdleTimeout(channel.eventLoop(), this::endIdle);
        copyExecution = new CopyExecution(session, this);
        extended = new ExtendedQueryProtocol(session, this, cancellation, implicit, this::copy);
        key = server.keys().register(this::cancelRunningStatement);
        send(new BackendMessage.AuthenticationOk());
        List<String> extensions = s.parameters().keySet().stream().filter(k -> k.startsWith("_pq_.")).toList();
        if (s.minorVersion() > 0 || !extensions.isEmpty()) {
            send(new BackendMessage.NegotiateProtocolVersion(0, extensions));
        }
        reported.initial(user, s.parameters()).forEach(this::send);
        send(new BackendMessage.BackendKeyData(key.processId(), key.secretKey()));
        readyForQuery();
    }

    /**
     * Startup packet entries such as application_name, DateStyle or TimeZone become session settings,
     * as in PostgreSQL. One the database refuses is logged and skipped rather than ending the connection.
     */
    private void applyStartupSettings(Map<String, String> parameters) {
        parameters.forEach((name, value) -> {
            if (NOT_SETTINGS.contains(name.toLowerCase(Locale.ROOT)) || name.startsWith("_pq_.")) {
                return;
            }
            try {
                session.execute("SET " + quoteIdentifier(name) + " TO '" + value.replace("'", "''") + "'").close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring startup parameter {0}={1}: {2}", name, value,
                        e.getMessage());
            }
        });
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private void simpleQuery(String sql) {
        try {
            if (sql.isBlank()) {
                send(new BackendMessage.EmptyQueryResponse());
            } else {
                extended.detachSuspended(null);
                if (!CopyInStream.mayStartCopy(sql) || !runCopy(sql)) {
                    runScript(sql);
                }
            }
        } catch (RuntimeException e) {
            send(ErrorResponses.of(cancellation.explain(e), ErrorResponses.ERROR));
            session.failTransaction();   // an error outside any statement (COPY's data stream, say) too
        }
        // A simple Query ends an implicit block that extended messages before it opened, as in PostgreSQL.
        endImplicitTransaction();
        if (session.transactionStatus() == TransactionStatus.IDLE) {
            extended.closePortals();   // a COMMIT or ROLLBACK in the text ended the portals' transaction
        }
        readyForQuery();
    }

    /** Commits (or, after an error, rolls back) the implicit block; its portals go first. */
    private void endImplicitTransaction() {
        if (!implicit.isOpen()) {
            return;
        }
        extended.closePortals();
        try {
            implicit.end();
        } catch (RuntimeException e) {
            send(ErrorResponses.of(e, ErrorResponses.ERROR));
        }
    }

    /**
     * Runs a COPY FROM STDIN / TO STDOUT with the client's data stream; false (having run nothing)
     * when the text is not such a statement.
     */
    private boolean runCopy(String sql) {
        CopyDescription copy;
        try (PreparedQuery prepared = session.prepare(sql)) {
            copy = prepared.copy();
        }
        if (copy == null) {
            return false;
        }
        long rows = copy(sql, copy);
        send(new BackendMessage.CommandComplete("COPY " + rows));
        implicit.afterStatement("COPY " + rows);
        return true;
    }

    /**
     * Runs a COPY of either protocol; a COPY FROM remembers its stream so that Syncs sent while it awaited
     * data are ignored.
     */
    private long copy(String sql, CopyDescription copy) {
        CopyInStream[] created = new CopyInStream[1];
        try {
            return copyExecution.run(sql, copy, () -> {
                if (currentCopyStream != null) {
                    copyInMode = currentCopyStream;
                    return currentCopyStream;
                }
                if (workerReading) {
                    // The worker, not the loop, reads the socket next: nobody would feed a stream made now.
                    throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED,
                            "COPY FROM STDIN must be the first statement of its query text");
                }
                // Not foreseen on the event loop: only CopyData arriving from now on can reach it.
                created[0] = new CopyInStream(channel);
                copyIn.set(created[0]);
                copyInMode = created[0];
                return created[0];
            });
        } finally {
            if (created[0] != null) {
                created[0].abandon();
                copyIn.compareAndSet(created[0], null);
            }
        }
    }

    /** Runs every statement of the text; an error stops the rest (the caller reports it). */
    private void runScript(String sql) {
        Iterator<QueryResult> results = session.executeScript(sql);
        boolean any = false;
        while (results.hasNext()) {
            any = true;
            try (QueryResult result = results.next()) {
                short[] formats = new short[result.columns().size()];
                if (result.returnsRows()) {
                    send(RowEncoder.describe(result.columns(), formats));
                }
                while (true) {
                    cancellation.check();
                    if (!result.next()) {
                        break;
                    }
                    send(RowEncoder.encode(result.row(), formats));
                }
                send(new BackendMessage.CommandComplete(result.commandTag()));
                implicit.afterStatement(result.commandTag());
            }
        }
        if (!any) {
            send(new BackendMessage.EmptyQueryResponse());
        }
    }

    /** Starts the statement_timeout / query_timeout_secs clock for the statement (or pipeline) beginning now. */
    private void armTimeout() {
        long generation = statementGeneration;
        timeout.start(session, () -> {
            Session running = session;
            if (statementGeneration == generation && busy && running != null) {
                cancellation.requestTimeout();
                running.cancel();
            }
        });
    }

    private void readyForQuery() {
        timeout.stop();
        long generation = ++statementGeneration;
        reported.changes().forEach(this::send);
        TransactionStatus status = session.transactionStatus();
        send(readyFor(status.indicator()));
        synchronized (idleWaiters) {
            busy = false;
        }
        idleTimeout.start(session, status, generation);
        signalIdle();
        cancellation.reset();
        flush();
    }

    /** ReadyForQuery with {@code status}: one message per status, not one per statement. */
    private static BackendMessage readyFor(char status) {
        return switch (status) {
            case 'I' -> READY_IDLE;
            case 'T' -> READY_IN_BLOCK;
            case 'E' -> READY_FAILED;
            default -> new BackendMessage.ReadyForQuery(status);
        };
    }

    /**
     * Event loop (the idle timer): ends the connection unless a message came since the ReadyForQuery that
     * armed the timer; messages already decoded are handed over first, so they are run, not cut off.
     */
    private void endIdle(long generation, HeliosException error) {
        submitReadBatch();
        serial.execute(() -> {
            if (statementGeneration == generation && !busy) {
                fatal(error);
            }
        });
    }

    /** Reports a connection-ending error, then closes. */
    private void fatal(Throwable cause) {
        if (finished) {
            return;
        }
        send(ErrorResponses.of(cause, ErrorResponses.FATAL));
        finish();
    }

    private void finish() {
        finished = true;
        outbox.disallowDirectWrites();
        outbox.push();
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Runs once the channel is closed: gives back the session and the connection slot. */
    private void release() {
        finished = true;
        synchronized (idleWaiters) {
            busy = false;
        }
        signalIdle();
        if (timeout != null) {
            timeout.stop();
        }
        if (idleTimeout != null) {
            idleTimeout.stop();
        }
        try {
            if (extended != null) {
                extended.closeAll();
            }
        } finally {
            extended = null;
            if (session != null) {
                session.close();
                session = null;
            }
        }
        authentication = null;
        outbox.release();
        if (workerReads != null) {
            workerReads.close();
        }
        if (key != null) {
            server.keys().unregister(key);
            key = null;
        }
        if (counted) {
            counted = false;
            server.sessions().decrementAndGet();
        }
        if (roleCounted != null) {
            server.roleSessions().close(roleCounted);
            roleCounted = null;
        }
    }
}
