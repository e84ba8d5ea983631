package io.heliosdb.wire.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into frames and hands each to {@link FrontendMessageReader}. An explicit
 * state machine: {@code STARTUP} frames have no type byte (SSLRequest, GSSENCRequest, CancelRequest,
 * StartupMessage), {@code MESSAGE} frames do. A length outside the caps is refused as soon as the
 * header arrives, never buffered; after a violation the decoder drops every further byte.
 */
public final class PgFrameDecoder extends ByteToMessageDecoder {

    /** PostgreSQL's own cap on a startup packet (MAX_STARTUP_PACKET_LENGTH). */
    public static final int MAX_STARTUP_LENGTH = 10_000;
    public static final int DEFAULT_MAX_MESSAGE_LENGTH = 64 * 1024 * 1024;

    private enum State { STARTUP, MESSAGE, FAILED }

    private final int maxMessageLength;
    private State state = State.STARTUP;

    public PgFrameDecoder() {
        this(DEFAULT_MAX_MESSAGE_LENGTH);
    }

    public PgFrameDecoder(int maxMessageLength) {
        this.maxMessageLength = maxMessageLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (state == State.STARTUP) {
                decodeStartupFrame(in, out);
            } else {
                decodeMessageFrame(in, out);
            }
        } catch (ProtocolViolation e) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /** The longest message accepted, its length word included (max_message_size). */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * Event loop, between reads, when a connection's worker takes over reading its socket: the bytes of a
     * frame not yet complete, moved out of the decoder (the worker continues from them), or null when the
     * decoder is not past the startup packet and so must keep the stream.
     */
    public ByteBuf takeBuffered() {
        if (state != State.MESSAGE) {
            return null;
        }
        ByteBuf held = internalBuffer();
        return held.readBytes(held.readableBytes());
    }

    private void decodeStartupFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 4) {
            return;
        }
        int length = in.getInt(in.readerIndex());
        if (length < 8 || length > MAX_STARTUP_LENGTH) {
            throw new ProtocolViolation("invalid length of startup packet");
        }
        if (in.readableBytes() < length) {
            return;
        }
        in.skipBytes(4);
        ByteBuf body = in.readSlice(length - 4);
        FrontendMessage message = FrontendMessageReader.readStartupFrame(body);
        if (message instanceof FrontendMessage.Startup) {
            state = State.MESSAGE;
        }
        out.add(message);
    }

    private void decodeMessageFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 5) {
            return;
        }
        int start = in.readerIndex();
        char type = (char) in.getUnsignedByte(start);
        int length = in.getInt(start + 1);
        if (length < 4) {
            throw new ProtocolViolation("invalid message length " + length);
        }
        if (length > maxMessageLength) {
            throw new ProtocolViolation(io.heliosdb.api.SqlState.PROGRAM_LIMIT_EXCEEDED, "message of " + length
                    + " bytes exceeds the limit of " + maxMessageLength + " bytes (max_message_size)");
        }
        if (!FrontendMessageReader.isKnownType(type)) {
            throw new ProtocolViolation("invalid frontend message type " + (int) type);
        }
        if (in.readableBytes() < 1 + length) {
            return;
        }
        in.skipBytes(5);
        ByteBuf body = in.readSlice(length - 4);
        out.add(FrontendMessageReader.readMessage(type, body));
    }
}
