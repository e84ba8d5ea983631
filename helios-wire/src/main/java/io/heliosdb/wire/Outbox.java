package io.heliosdb.wire;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.heliosdb.wire.protocol.BackendMessage;
import io.heliosdb.wire.protocol.PgMessageEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's answers, gathered on the worker and handed to the event loop as one task per
 * batch: a write from outside the event loop is a task of its own, so writing message by message
 * costs a queue hand-off (and often a wake-up) for each of BindComplete, DataRow, CommandComplete and
 * ReadyForQuery. The worker encodes each batch into one buffer. A batch goes out at every flush
 * (ReadyForQuery, Flush, an authentication request) and whenever {@link #BATCH} messages piled up,
 * so a large result still streams. Touched by one thread at a time: the connection's serial task.
 */
final class Outbox {
    /** Messages gathered before a batch goes out unasked (streaming results). */
    static final int BATCH = 64;
    /** Batches handed over but not yet written, beyond which the worker waits. */
    private static final int MAX_IN_FLIGHT = 2;
    /** The size a connection's reused buffer starts at. */
    private static final int SPARE_INITIAL = 512;
    /** A buffer grown beyond this (a large result) is let go after its write rather than kept for the next. */
    private static final int SPARE_MAX = 64 * 1024;

    private final Channel channel;
    private final Object writability;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean waiting;
    private final List<BackendMessage> pending = new ArrayList<>();
    /** Whether the worker may write to the socket itself (see {@link #allowDirectWrites()}). */
    private boolean directWrites;
    /**
     * The buffer of the last batch the worker wrote to the socket itself, encoded into again by the next one
     * (a query's answer is a few hundred bytes: no allocation per query); null when that batch went to the event
     * loop, which releases it. Unpooled: kept for the connection's life, it pins no shared chunk.
     */
    private ByteBuf spare;
    /** The connection is released: no buffer is kept any more. */
    private boolean released;

    /** {@code writability}: the monitor the handler notifies when the channel's writability changes. */
    Outbox(Channel channel, Object writability) {
        this.channel = channel;
        this.writability = writability;
    }

    /** Queues a message; true when the caller should wait for the client to read ({@link #mustWait()}). */
    boolean add(BackendMessage message) {
        pending.add(message);
        if (pending.size() >= BATCH) {
            push();
            return true;
        }
        return false;
    }

    /**
     * Encodes what is gathered into one buffer and sends it: straight to the socket when allowed and
     * nothing of this connection is queued ({@link DirectWriteSocketChannel}), else through the event loop.
     */
    void push() {
        if (pending.isEmpty()) {
            return;
        }
        ByteBuf batch = encode(pending);
        pending.clear();
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            channel.writeAndFlush(batch, channel.voidPromise());
            return;
        }
        if (directWrites && inFlight.get() == 0 && channel instanceof DirectWriteSocketChannel direct
                && direct.tryWrite(batch)) {
            keep(batch);
            return;
        }
        inFlight.incrementAndGet();
        try {
            loop.execute(() -> {
                try {
                    channel.writeAndFlush(batch, channel.voidPromise());
                } finally {
                    inFlight.decrementAndGet();
                    if (waiting) {
                        synchronized (writability) {
                            writability.notifyAll();
                        }
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();   // the loop is shutting down with the server: nobody will read it
            batch.release();
        }
    }

    /**
     * After authentication on a connection without TLS (whose bytes the SslHandler must encrypt on the
     * event loop), from then on written only by this outbox: the worker may write to the socket itself.
     */
    void allowDirectWrites() {
        directWrites = true;
    }

    /** The connection is closing: its last bytes and the close go through the event loop, in order. */
    void disallowDirectWrites() {
        directWrites = false;
    }

    /** Whether the worker must hold off: the socket's buffer is full, or batches are piling up. */
    boolean mustWait() {
        return channel.isActive() && (!channel.isWritable() || inFlight.get() > MAX_IN_FLIGHT);
    }

    void waiting(boolean on) {
        waiting = on;
    }

    /** From any thread: whether the worker waits in {@link #mustWait()}'s loop now. */
    boolean isWaiting() {
        return waiting;
    }

    /** After the socket took all of {@code written}: kept to encode the next batch into, unless too large. */
    private void keep(ByteBuf written) {
        if (released || written.capacity() > SPARE_MAX) {
            spare = null;
            written.release();
        } else {
            written.clear();
            spare = written;
        }
    }

    /** The connection is released (its serial task, after the last push): lets go of the kept buffer. */
    void release() {
        released = true;
        ByteBuf kept = spare;
        spare = null;
        if (kept != null) {
            kept.release();
        }
    }

    private ByteBuf encode(List<BackendMessage> messages) {
        // Only a buffer the worker may write itself comes back to be kept; the others go to the loop's pool.
        ByteBuf out = spare != null ? spare : directWrites ? Unpooled.directBuffer(SPARE_INITIAL) : channel.alloc().buffer();
        spare = null;   // until the socket took it all: otherwise the event loop writes and releases it
        try {
            for (BackendMessage m : messages) {
                PgMessageEncoder.write(m, out);
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
        return out;
    }
}
