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
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * One client connection: the startup handshake, then simple and extended queries against one
 * {@link Session}. Netty's event loop only queues messages; they are handled in order on the
 * server's worker pool, so a slow query never stalls other connections' I/O.
 */
final class PgSessionHandler extends SimpleChannelInboundHandler<FrontendMessage> implements PgOutput {

    /** Queued messages beyond which we stop reading from the socket until the worker catches up. */
    private static final int MAX_PENDING_MESSAGES = 1024;

    private final ServerContext server;
    private final QueryCancellation cancellation = new QueryCancellation();
    private final Object writability = new Object();
    private SerialExecutor serial;
    private Channel channel;

    // Touched only by tasks on `serial`, which run one at a time.
    private Session session;
    private ExtendedQueryProtocol extended;
    private BackendKeyRegistry.Key key;
    private boolean counted;
    private boolean skipUntilSync;
    private boolean finished;
    private volatile boolean busy;

    PgSessionHandler(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        serial = new SerialExecutor(server.workers());
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FrontendMessage message) {
        serial.execute(() -> handle(message));
        if (serial.pending() > MAX_PENDING_MESSAGES) {
            ctx.channel().config().setAutoRead(false);
            serial.execute(() -> channel.config().setAutoRead(true));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            ctx.close();  // the peer went away; nobody is left to tell
            return;
        }
        serial.execute(() -> fatal(cause));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        synchronized (writability) {
            writability.notifyAll();
        }
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
        channel.write(message, channel.voidPromise());
        if (!channel.isWritable() && !channel.eventLoop().inEventLoop()) {
            channel.flush();
            awaitWritable();
        }
    }

    @Override
    public void flush() {
        channel.flush();
    }

    /** Holds a worker (never the event loop) until the client has read enough of what we sent. */
    private void awaitWritable() {
        synchronized (writability) {
            while (!channel.isWritable() && channel.isActive()) {
                try {
                    writability.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HeliosException(SqlState.ADMIN_SHUTDOWN, "terminating connection due to shutdown");
                }
            }
        }
    }

    private void handle(FrontendMessage message) {
        if (finished) {
            return;
        }
        try {
            dispatch(message);
        } catch (RuntimeException e) {
            // Whatever escaped the per-message handling leaves the protocol state unknown: end the connection.
            fatal(e);
        }
    }

    private void dispatch(FrontendMessage message) {
        if (session == null) {
            handleStartupPhase(message);
            return;
        }
        if (message instanceof FrontendMessage.Terminate) {
            finish();
            return;
        }
        if (message instanceof FrontendMessage.Sync) {
            skipUntilSync = false;
            if (session.transactionStatus() == TransactionStatus.IDLE) {
                extended.closePortals();
            }
            readyForQuery();
            return;
        }
        if (skipUntilSync) {
            return;
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
            send(ErrorResponses.of(e, ErrorResponses.ERROR));
            skipUntilSync = true;
        }
    }

    private void handleStartupPhase(FrontendMessage message) {
        if (message instanceof FrontendMessage.SslRequest || message instanceof FrontendMessage.GssEncRequest) {
            send(new BackendMessage.EncryptionRefused());
            flush();
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
        try {
            session = server.db().session();
        } catch (RuntimeException e) {
            fatal(e);
            return;
        }
        extended = new ExtendedQueryProtocol(session, this, cancellation);
        key = server.keys().register(() -> {
            if (busy) {
                cancellation.request();
                session.cancel();
            }
        });
        send(new BackendMessage.AuthenticationOk());
        List<String> extensions = s.parameters().keySet().stream().filter(k -> k.startsWith("_pq_.")).toList();
        if (s.minorVersion() > 0 || !extensions.isEmpty()) {
            send(new BackendMessage.NegotiateProtocolVersion(0, extensions));
        }
        ServerParameters.forStartup(user, s.parameters()).forEach(this::send);
        send(new BackendMessage.BackendKeyData(key.processId(), key.secretKey()));
        readyForQuery();
    }

    private void simpleQuery(String sql) {
        try {
            if (sql.isBlank()) {
                send(new BackendMessage.EmptyQueryResponse());
            } else {
                runScript(sql);
            }
        } catch (RuntimeException e) {
            send(ErrorResponses.of(e, ErrorResponses.ERROR));
        }
        readyForQuery();
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
            }
        }
        if (!any) {
            send(new BackendMessage.EmptyQueryResponse());
        }
    }

    private void readyForQuery() {
        send(new BackendMessage.ReadyForQuery(session.transactionStatus().indicator()));
        busy = false;
        cancellation.reset();
        flush();
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
        if (channel.isActive()) {
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Runs once the channel is closed: gives back the session and the connection slot. */
    private void release() {
        finished = true;
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
        if (key != null) {
            server.keys().unregister(key);
            key = null;
        }
        if (counted) {
            counted = false;
            server.sessions().decrementAndGet();
        }
    }
}
