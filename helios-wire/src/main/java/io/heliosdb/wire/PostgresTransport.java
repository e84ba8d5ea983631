package io.heliosdb.wire;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.heliosdb.wire.protocol.PgFrameDecoder;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.heliosdb.wire.auth.AuthMethod;
import io.heliosdb.wire.auth.Credentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A running PostgreSQL-protocol server: Netty event loops for I/O, a bounded pool for queries. */
final class PostgresTransport implements Transport {
    static final String NAME = "postgres";
    private static final System.Logger LOG = System.getLogger(PostgresTransport.class.getName());
    private static final long SHUTDOWN_WAIT_SECONDS = 5;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final WorkerPool workers;
    private final ChannelGroup channels;
    private final Channel serverChannel;
    private final InetSocketAddress address;
    private boolean closed;

    private PostgresTransport(EventLoopGroup acceptor, EventLoopGroup io, WorkerPool workers,
                              ChannelGroup channels, Channel serverChannel) {
        this.acceptor = acceptor;
        this.io = io;
        this.workers = workers;
        this.channels = channels;
        this.serverChannel = serverChannel;
        this.address = (InetSocketAddress) serverChannel.localAddress();
    }

    static PostgresTransport start(HeliosDB db, ServerConfig config) {
        return start(db, config, ServerContext.DEFAULT_STARTUP_TIMEOUT);
    }

    /** {@code startupTimeout}: how long a new connection may take to authenticate (tests shorten it). */
    static PostgresTransport start(HeliosDB db, ServerConfig config, Duration startupTimeout) {
        return start(db, config, startupTimeout, null);
    }

    /**
     * As above; with {@code listening} (a channel bound already, which the transport closes when it closes) it
     * serves on that channel instead of binding the configured address: connections that arrived before are
     * accepted from its backlog. If this throws, the caller still owns the channel.
     */
    static PostgresTransport start(HeliosDB db, ServerConfig config, Duration startupTimeout,
                                   java.nio.channels.ServerSocketChannel listening) {
        Credentials credentials = Credentials.from(config).withRoles(db::loginRole);
        ServerTls tls = config.tlsEnabled() ? ServerTls.load(config.tlsCertPath(), config.tlsKeyPath()) : null;
        warnIfTrustIsExposed(config, credentials.method());
        int cores = Runtime.getRuntime().availableProcessors();
        // A statement may wait on a row lock until lock_timeout, holding its worker. With fewer workers
        // than sessions, waiters could occupy them all while the lock holders' COMMITs sit in the queue
        // (a pool-starvation deadlock no detector sees): so one worker per possible connection, started
        // on demand and retired when idle (each session runs one task at a time, see SerialExecutor;
        // how a task finds its worker: WorkerPool).
        WorkerPool workers = new WorkerPool(Math.max(Math.max(2, cores), config.maxConnections()));
        EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("helios-pg-accept", true), NioIoHandler.newFactory());
        EventLoopGroup io = new MultiThreadIoEventLoopGroup(Math.max(1, cores),
                new DefaultThreadFactory("helios-pg-io", true), NioIoHandler.newFactory());
        // The group's futures outlive our event loops during close; Netty's global executor does not.
        ChannelGroup channels = new DefaultChannelGroup("helios-pg", GlobalEventExecutor.INSTANCE);
        ServerContext context = new ServerContext(db, workers, Math.max(1, config.maxConnections()), credentials, tls,
                startupTimeout);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptor, io)
                    .channelFactory((ChannelFactory<ServerChannel>) () -> listening == null
                            ? new DirectWriteServerSocketChannel() : new DirectWriteServerSocketChannel(listening))
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            channels.add(ch);
                            ch.pipeline().addLast(new PgFrameDecoder(config.maxMessageSize()), new PgMessageEncoder(),
                                    new PgSessionHandler(context));
                        }
                    });
            // A bound channel is active once registered: Netty then starts accepting from its backlog.
            ChannelFuture started = listening == null
                    ? bootstrap.bind(new InetSocketAddress(config.listenAddr(), config.port())) : bootstrap.register();
            Channel server = started.syncUninterruptibly().channel();
            return new PostgresTransport(acceptor, io, workers, channels, server);
        } catch (RuntimeException e) {
            shutdown(acceptor, io, workers);
            throw new HeliosException(SqlState.IO_ERROR, "could not listen on " + config.listenAddr() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** trust admits anyone who can reach the port: meant for loopback. */
    private static void warnIfTrustIsExposed(ServerConfig config, AuthMethod method) {
        if (method != AuthMethod.TRUST) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(config.listenAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            LOG.log(System.Logger.Level.WARNING, "auth_method = trust on non-loopback address " + config.listenAddr()
                    + ": anyone who can reach port " + config.port() + " connects without a password; set"
                    + " auth_method = \"scram-sha-256\" and a password");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int openConnections() {
        return channels.size();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(SHUTDOWN_WAIT_SECONDS));
    }

    /**
     * Graceful shutdown: stop accepting, give running statements up to {@code grace} to finish, then
     * end every connection with FATAL 57P01 (cancelling what still runs) and close.
     */
    synchronized void close(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        awaitIdle(grace);
        sessionHandlers().forEach(PgSessionHandler::terminate);
        // Each connection closes itself after its FATAL; the rest (stuck writing to a client) are closed here.
        channels.newCloseFuture().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        channels.close().awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        shutdown(acceptor, io, workers);
    }

    /** Waits until no connection runs a statement, or {@code grace} is over: each busy one counts down when idle. */
    private void awaitIdle(Duration grace) {
        List<PgSessionHandler> busy = sessionHandlers();
        CountDownLatch idle = new CountDownLatch(busy.size());
        busy.forEach(handler -> handler.whenIdle(idle::countDown));
        try {
            idle.await(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The open connections' handlers (package-private: tests watch a connection's state through it). */
    List<PgSessionHandler> sessionHandlers() {
        List<PgSessionHandler> handlers = new ArrayList<>();
        for (Channel channel : channels) {
            PgSessionHandler handler = channel.pipeline().get(PgSessionHandler.class);
            if (handler != null) {
                handlers.add(handler);
            }
        }
        return handlers;
    }

    /**
     * Workers first, while the event loops still run: a worker finishing a message may still write to
     * its (closed) channel, which needs a live loop. Clean-up that arrives after the pool stopped runs
     * on the event loop itself (see {@link SerialExecutor}).
     */
    private static void shutdown(EventLoopGroup acceptor, EventLoopGroup io, WorkerPool workers) {
        workers.shutdown(SHUTDOWN_WAIT_SECONDS);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "postgres transport on " + address;
    }
}
