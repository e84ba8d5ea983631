package io.heliosdb.wire;

import io.heliosdb.wire.protocol.FrontendMessage;
import io.heliosdb.wire.protocol.InlineFrames;
import io.heliosdb.wire.protocol.ProtocolViolation;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A connection's worker reading the connection's socket itself between statements, as a PostgreSQL
 * backend does. Through the event loop every query costs two threads a wake-up each (the loop wakes for
 * the bytes, then wakes the worker) and a queue hand-off; here the worker that just answered waits on the
 * socket (its own selector: one epoll_wait, then one read) and runs the next query itself.
 * <p>
 * The event loop stops reading before the worker starts (auto-read off) and gets the socket back, with
 * every byte the worker read but did not run, whenever the worker stops: the connection was idle for
 * {@link #IDLE_PROPERTY}, a frame is not an ordinary query's (COPY data, oversized, malformed: the loop's
 * decoder handles those as ever), a message may start a COPY (whose data the loop feeds), or another task
 * of the connection waits (its end, a shutdown). One reader at a time, so messages keep their order.
 * <p>
 * Known limit, as in PostgreSQL: while a statement run this way is busy, nobody reads the socket, so a
 * client that vanished is noticed at the next write or read rather than at once.
 */
final class WorkerSocketReads {
    /**
     * How long the worker waits for the next query before the event loop watches the connection again:
     * {@code -Dhelios.wire.workerReadIdleMillis} (tests shorten it to cross between the two paths often).
     */
    static final String IDLE_PROPERTY = "helios.wire.workerReadIdleMillis";
    private static final long DEFAULT_IDLE_MILLIS = 1000;
    /** Frames up to this size are read by the worker; larger ones go to the event loop's decoder. */
    static final int CAPACITY = 64 * 1024;
    private static final Consumer<SelectionKey> IGNORE = key -> { };

    /** What the reading worker needs from its connection. */
    interface Connection {
        /** Runs the message; false (having done nothing) when it must go through the event loop. */
        boolean runInline(FrontendMessage message);

        /** Whether the worker must stop reading now: other tasks wait, or the connection ends. */
        boolean mustStop();

        /** Gives the event loop the socket back, with the bytes read and not run (released by the taker). */
        void handBack(ByteBuf unread);
    }

    private final DirectWriteSocketChannel channel;
    private final long idleMillis;
    /** The largest frame (type byte included) the worker reads: its buffer, and the configured message cap. */
    private final int maxFrame;
    /** Messages the worker read and ran itself (one writer, the connection's task; tests read it). */
    private volatile long inlineMessages;
    private Selector selector;
    private volatile boolean waiting;
    private boolean closed;

    /** {@code maxMessageLength}: the decoder's cap; a longer message goes to the decoder, which refuses it. */
    WorkerSocketReads(DirectWriteSocketChannel channel, int maxMessageLength) {
        this.channel = channel;
        this.maxFrame = (int) Math.min(CAPACITY, maxMessageLength + 1L);
        this.idleMillis = Math.max(1, Long.getLong(IDLE_PROPERTY, DEFAULT_IDLE_MILLIS));
    }

    /**
     * On the connection's worker: reads and runs queries until one of the reasons to stop, then hands
     * the socket back. {@code start}: the bytes of an incomplete frame the loop's decoder held.
     */
    void run(ByteBuf start, Connection connection) {
        ByteBuf in = channel.alloc().directBuffer(CAPACITY, CAPACITY);
        try {
            in.writeBytes(start);
        } finally {
            start.release();
        }
        waiting = true;
        try {
            if (!open()) {
                connection.handBack(in);
                return;
            }
            SocketChannel socket = channel.javaSocket();
            long idleSince = System.nanoTime();
            while (true) {
                if (!runFrames(in, connection) || connection.mustStop() || Thread.currentThread().isInterrupted()) {
                    connection.handBack(in);
                    return;
                }
                in.discardReadBytes();
                if (!in.isWritable()) {
                    connection.handBack(in);   // a frame larger than the buffer: the decoder takes it whole
                    return;
                }
                long idle = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - idleSince);
                if (idle >= idleMillis) {
                    connection.handBack(in);
                    return;
                }
                if (selector.select(IGNORE, idleMillis - idle) == 0) {
                    continue;   // woken (a task waits), or the idle time is up: both are looked at above
                }
                if (in.writeBytes(socket, in.writableBytes()) < 0) {
                    connection.handBack(in);   // the end of the stream: the loop reads it too and closes
                    return;
                }
                idleSince = System.nanoTime();
            }
        } catch (IOException e) {
            connection.handBack(in);   // the loop's next read meets the same error and closes the connection
        } catch (RuntimeException | Error e) {
            connection.handBack(in);   // never leave the socket unread: the loop takes over whatever happened
            throw e;
        } finally {
            waiting = false;
        }
    }

    /** Runs every complete inline frame in {@code in}; false when the next frame is for the event loop. */
    private boolean runFrames(ByteBuf in, Connection connection) {
        while (true) {
            int length = InlineFrames.completeFrame(in, maxFrame);
            if (length == InlineFrames.INCOMPLETE) {
                return true;
            }
            if (length == InlineFrames.NOT_INLINE) {
                return false;
            }
            int at = in.readerIndex();
            FrontendMessage message;
            try {
                message = InlineFrames.read(in, length);
            } catch (ProtocolViolation e) {
                in.readerIndex(at);   // the decoder meets it again and answers it as it always has
                return false;
            }
            inlineMessages++;   // before running it: the answer may reach the client before runInline returns
            if (!connection.runInline(message)) {
                inlineMessages--;
                in.readerIndex(at);
                return false;
            }
            if (connection.mustStop()) {
                return true;
            }
        }
    }

    /** How many messages the worker read from the socket and ran itself so far. */
    long inlineMessages() {
        return inlineMessages;
    }

    /** From any thread: a task was queued behind the reading worker; it looks up from its wait. */
    void wake() {
        if (waiting) {
            Selector s;
            synchronized (this) {
                s = selector;
            }
            if (s != null) {
                s.wakeup();
            }
        }
    }

    /** The selector on first use; false when none can be opened (the loop keeps reading then). */
    private boolean open() throws IOException {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (selector == null) {
                Selector opened = Selector.open();
                try {
                    channel.javaSocket().register(opened, SelectionKey.OP_READ);
                } catch (IOException | RuntimeException e) {
                    opened.close();
                    throw e;
                }
                selector = opened;
            }
            return true;
        }
    }

    /** Once the connection is released (never while {@link #run} runs: both are the connection's tasks). */
    void close() {
        Selector s;
        synchronized (this) {
            closed = true;
            s = selector;
            selector = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing is left to read through it
            }
        }
    }
}
