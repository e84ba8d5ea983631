package io.heliosdb.wire;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.heliosdb.wire.protocol.BackendMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection's answers, gathered on the worker and handed to the event loop as one task per
 * batch: a write from outside the event loop is a task of its own, so writing message by message
 * costs a queue hand-off (and often a wake-up) for each of BindComplete, DataRow, CommandComplete and
 * ReadyForQuery. A batch goes out at every flush (ReadyForQuery, Flush, an authentication request)
 * and whenever {@link #BATCH} messages piled up, so a large result still streams. Touched by one
 * thread at a time: the connection's serial task.
 */
final class Outbox {
    /** Messages gathered before a batch goes out unasked (streaming results). */
    static final int BATCH = 64;
    /** Batches handed over but not yet written, beyond which the worker waits. */
    private static final int MAX_IN_FLIGHT = 2;

    private final Channel channel;
    private final Object writability;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean waiting;
    private List<BackendMessage> pending = new ArrayList<>();

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

    /** Hands what is gathered to the event loop, which writes and flushes it. */
    void push() {
        if (pending.isEmpty()) {
            return;
        }
        List<BackendMessage> batch = pending;
        pending = new ArrayList<>();
        EventLoop loop = channel.eventLoop();
        if (loop.inEventLoop()) {
            write(batch);
            return;
        }
        inFlight.incrementAndGet();
        try {
            loop.execute(() -> {
                try {
                    write(batch);
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
        }
    }

    /** Whether the worker must hold off: the socket's buffer is full, or batches are piling up. */
    boolean mustWait() {
        return channel.isActive() && (!channel.isWritable() || inFlight.get() > MAX_IN_FLIGHT);
    }

    void waiting(boolean on) {
        waiting = on;
    }

    private void write(List<BackendMessage> batch) {
        for (BackendMessage m : batch) {
            channel.write(m, channel.voidPromise());
        }
        channel.flush();
    }
}
