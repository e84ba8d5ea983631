package io.heliosdb.wire;

import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * COPY FROM STDIN's data as a stream: the event loop offers the client's CopyData chunks, the worker
 * running the COPY reads them. Reading from the socket pauses while too much is queued, so a fast
 * client cannot fill the heap. After {@link #abandon()} further chunks are dropped, as PostgreSQL
 * drops CopyData that follows a failed COPY.
 */
final class CopyInStream extends InputStream {
    private static final long PAUSE_BYTES = 4L << 20;
    private static final long RESUME_BYTES = 1L << 20;
    private static final Object DONE = new Object();

    /** The client's CopyFail, or the connection ended. */
    private record Failure(String message) {
    }

    private final Channel channel;
    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile boolean abandoned;
    /** CopyDone or CopyFail arrived (or the COPY was cancelled): the client's copy-in mode is over. */
    private volatile boolean clientEnded;
    private byte[] current;
    private int position;
    private boolean ended;

    CopyInStream(Channel channel) {
        this.channel = channel;
    }

    /** Event loop: a CopyData chunk. */
    void data(byte[] chunk) {
        if (abandoned) {
            return;
        }
        chunks.add(chunk);
        if (queuedBytes.addAndGet(chunk.length) > PAUSE_BYTES) {
            channel.config().setAutoRead(false);
        }
    }

    /** Event loop: CopyDone. */
    void done() {
        clientEnded = true;
        chunks.add(DONE);
    }

    /** CopyFail, a cancel, or the connection ended: the reader fails with {@code message}. */
    void fail(String message) {
        clientEnded = true;
        chunks.add(new Failure(message));
    }

    /** Whether the COPY may still be reading the client's data (neither ended by the client nor abandoned). */
    boolean awaitingData() {
        return !clientEnded && !abandoned;
    }

    /** The COPY ended (well or not): what the client still sends is dropped. */
    void abandon() {
        abandoned = true;
        chunks.clear();
        queuedBytes.set(0);
        channel.config().setAutoRead(true);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || position == current.length) {
            if (ended) {
                return -1;
            }
            Object next;
            try {
                next = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (next == DONE) {
                ended = true;
                return -1;
            }
            if (next instanceof Failure f) {
                ended = true;
                throw new IOException(f.message());
            }
            current = (byte[]) next;
            position = 0;
            if (queuedBytes.addAndGet(-current.length) < RESUME_BYTES && !channel.config().isAutoRead()) {
                channel.config().setAutoRead(true);
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /**
     * Whether a simple query's text starts with the word COPY (after blanks and comments): only then is
     * a stream set up for CopyData that may follow it; the statement itself decides the rest.
     */
    static boolean mayStartCopy(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return sql.regionMatches(true, i, "copy", 0, 4)
                && (i + 4 == n || !Character.isJavaIdentifierPart(sql.charAt(i + 4)));
    }
}
