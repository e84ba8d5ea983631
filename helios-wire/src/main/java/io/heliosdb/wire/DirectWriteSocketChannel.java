package io.heliosdb.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * A connection whose worker may write its answer to the socket itself. Handing every answer to the
 * event loop wakes that thread once more per query (a selector wake-up, then the write); when nothing
 * of this connection waits in Netty's outbound buffer, the worker's own non-blocking write keeps the
 * order and saves the hand-off. Whatever the socket does not take at once still goes through the
 * event loop, which then waits for the client as before (back-pressure unchanged).
 */
final class DirectWriteSocketChannel extends NioSocketChannel {

    DirectWriteSocketChannel(Channel parent, SocketChannel socket) {
        super(parent, socket);
    }

    /**
     * The socket itself, for the connection's worker reading it between statements while the event loop
     * does not (see {@link WorkerSocketReads}).
     */
    SocketChannel javaSocket() {
        return javaChannel();
    }

    /**
     * From the connection's worker, when no write of it is queued on the event loop: writes what the
     * socket takes now. True when all of {@code buffer} went out (it stays the caller's, to reuse or release);
     * otherwise the rest, still in {@code buffer}, must be written through the event loop.
     */
    boolean tryWrite(ByteBuf buffer) {
        ChannelOutboundBuffer queued = unsafe().outboundBuffer();
        if (!isActive() || queued == null || queued.totalPendingWriteBytes() != 0 || buffer.nioBufferCount() != 1) {
            return false;
        }
        try {
            ByteBuffer nio = buffer.nioBuffer();
            int written = javaChannel().write(nio);
            buffer.skipBytes(written);
        } catch (IOException e) {
            return false;   // the event loop's write meets the same error and closes the channel
        }
        return !buffer.isReadable();
    }
}
