package io.heliosdb.wire.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Frame cutting for a connection's worker reading its own socket between statements (see
 * {@code WorkerSocketReads}): the same layout and checks as {@link PgFrameDecoder}'s MESSAGE state, but it
 * only takes the messages of ordinary queries. Anything else (COPY data, a password message, a malformed or
 * oversized frame) is left unread for the event loop's decoder, which handles it exactly as before.
 */
public final class InlineFrames {
    /** {@link #completeFrame}: the bytes end inside a frame. */
    public static final int INCOMPLETE = -1;
    /** {@link #completeFrame}: the next frame is not for the worker; give the bytes to the event loop. */
    public static final int NOT_INLINE = 0;

    private InlineFrames() {
    }

    /**
     * Looks at the frame starting at {@code in}'s reader index without reading it: its whole length (type
     * byte included) when it is complete and one the worker may run, else {@link #INCOMPLETE} or
     * {@link #NOT_INLINE}. A frame longer than {@code maxLength} is never inline (the caller's buffer is
     * bounded; the decoder applies the configured cap and its error).
     */
    public static int completeFrame(ByteBuf in, int maxLength) {
        if (in.readableBytes() < 5) {
            return INCOMPLETE;
        }
        int start = in.readerIndex();
        char type = (char) in.getUnsignedByte(start);
        int length = in.getInt(start + 1);
        if (!isInline(type) || length < 4 || length > maxLength - 1) {
            return NOT_INLINE;
        }
        return in.readableBytes() < 1 + length ? INCOMPLETE : 1 + length;
    }

    /**
     * Reads the complete frame {@link #completeFrame} measured; throws {@link ProtocolViolation} for a
     * malformed body (the caller then rewinds and leaves the frame to the decoder).
     */
    public static FrontendMessage read(ByteBuf in, int frameLength) {
        int end = in.readerIndex() + frameLength;
        int written = in.writerIndex();
        char type = (char) in.readUnsignedByte();
        in.skipBytes(4);
        // The body is read in place, its end marked by the writer index for the while: no slice per message.
        in.writerIndex(end);
        try {
            FrontendMessage message = FrontendMessageReader.readMessage(type, in);
            in.readerIndex(end);
            return message;
        } finally {
            in.writerIndex(written);
        }
    }

    private static boolean isInline(char type) {
        return switch (type) {
            case 'Q', 'P', 'B', 'D', 'E', 'C', 'H', 'S', 'X' -> true;
            default -> false;
        };
    }
}
