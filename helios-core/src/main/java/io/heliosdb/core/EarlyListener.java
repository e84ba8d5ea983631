package io.heliosdb.core;

import io.heliosdb.api.HeliosDB;
import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.config.ServerConfig;
import io.heliosdb.spi.Transport;
import io.heliosdb.spi.TransportProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * The server's listening socket, bound as the first step of a served open, before storage, the catalog and the
 * transport's event loops: from then on a client's connect succeeds and its start-up message waits in the
 * socket's backlog until the transport takes the channel over and answers it (a client that connected early
 * waits, it is not refused). Closed here if the open fails before a transport took it.
 */
final class EarlyListener implements AutoCloseable {
    /**
     * Accepted connections queued before the transport accepts them. Linux caps this at net.core.somaxconn (4096
     * by default), which is also what Netty asks for on its own binds.
     */
    static final int BACKLOG = 4096;

    private final ServerConfig config;
    private ServerSocketChannel channel;

    private EarlyListener(ServerConfig config, ServerSocketChannel channel) {
        this.config = config;
        this.channel = channel;
    }

    /**
     * Binds the configured address and port; 58030 "could not listen on ADDR:PORT: why" (with the
     * {@link java.net.BindException} as the cause) when it cannot, as the transport itself would say.
     */
    static EarlyListener bind(ServerConfig config) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(new InetSocketAddress(config.listenAddr(), config.port()), BACKLOG);
            return new EarlyListener(config, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new HeliosException(SqlState.IO_ERROR, "could not listen on " + config.listenAddr() + ":"
                    + config.port() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }

    /** The bound port (the OS-chosen one when configured with port 0). */
    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Starts {@code provider} on the bound channel the first time (the provider owns it from then on, also when
     * it fails); a second transport binds its own, as before.
     */
    Transport start(TransportProvider provider, HeliosDB db) {
        ServerSocketChannel bound = channel;
        if (bound == null) {
            return provider.start(db, config);
        }
        channel = null;
        try {
            return provider.start(db, config, bound);
        } catch (RuntimeException | Error e) {
            closeQuietly(bound, e);
            throw e;
        }
    }

    /** Releases the address unless a transport took the channel over. */
    @Override
    public void close() {
        if (channel != null) {
            ServerSocketChannel bound = channel;
            channel = null;
            closeQuietly(bound, null);
        }
    }

    private static void closeQuietly(ServerSocketChannel bound, Throwable failure) {
        try {
            bound.close();
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }
}
