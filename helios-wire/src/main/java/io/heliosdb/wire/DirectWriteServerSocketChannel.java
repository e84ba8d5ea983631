package io.heliosdb.wire;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/** Accepts connections as {@link DirectWriteSocketChannel}s (otherwise Netty's NIO server channel). */
final class DirectWriteServerSocketChannel extends NioServerSocketChannel {
    private static final System.Logger LOG = System.getLogger(DirectWriteServerSocketChannel.class.getName());

    /** A channel Netty opens and binds. */
    DirectWriteServerSocketChannel() {
    }

    /** Takes over a channel bound already (the kernel's early listener); Netty only registers it. */
    DirectWriteServerSocketChannel(java.nio.channels.ServerSocketChannel bound) {
        super(bound);
    }

    @Override
    protected int doReadMessages(List<Object> accepted) throws Exception {
        SocketChannel socket = javaChannel().accept();
        if (socket == null) {
            return 0;
        }
        try {
            accepted.add(new DirectWriteSocketChannel(this, socket));
            return 1;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not set up an accepted connection", e);
            socket.close();
            return 0;
        }
    }
}
