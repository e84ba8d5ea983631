package io.heliosdb.wire.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the body of one frame into a typed {@link FrontendMessage}; malformed bodies are violations. */
final class FrontendMessageReader {

    static final int SSL_REQUEST_CODE = 80877103;
    static final int GSSENC_REQUEST_CODE = 80877104;
    static final int CANCEL_REQUEST_CODE = 80877102;

    private FrontendMessageReader() {
    }

    static boolean isKnownType(char type) {
        return switch (type) {
            case 'Q', 'P', 'B', 'D', 'E', 'C', 'H', 'S', 'X', 'p', 'd', 'c', 'f' -> true;
            default -> false;
        };
    }

    /** A startup-phase frame without its length word. */
    static FrontendMessage readStartupFrame(ByteBuf body) {
        int code = body.readInt();
        switch (code) {
            case SSL_REQUEST_CODE -> {
                requireEnd(body, "SSLRequest");
                return new FrontendMessage.SslRequest();
            }
            case GSSENC_REQUEST_CODE -> {
                requireEnd(body, "GSSENCRequest");
                return new FrontendMessage.GssEncRequest();
            }
            case CANCEL_REQUEST_CODE -> {
                requireReadable(body, 8, "CancelRequest");
                var cancel = new FrontendMessage.CancelRequest(body.readInt(), body.readInt());
                requireEnd(body, "CancelRequest");
                return cancel;
            }
            default -> {
                Map<String, String> parameters = new LinkedHashMap<>();
                if (code >>> 16 == 3) {
                    // Only a 3.x packet has the name/value layout; other versions are refused by the session.
                    while (true) {
                        String name = readCString(body);
                        if (name.isEmpty()) {
                            break;
                        }
                        parameters.put(name, readCString(body));
                    }
                    requireEnd(body, "StartupMessage");
                } else {
                    body.skipBytes(body.readableBytes());
                }
                return new FrontendMessage.Startup(code, parameters);
            }
        }
    }

    /** A typed frame without its type byte and length word. */
    static FrontendMessage readMessage(char type, ByteBuf body) {
        FrontendMessage message = switch (type) {
            case 'Q' -> new FrontendMessage.Query(readCString(body));
            case 'd' -> {
                byte[] data = new byte[body.readableBytes()];
                body.readBytes(data);
                yield new FrontendMessage.CopyData(data);
            }
            case 'c' -> new FrontendMessage.CopyDone();
            case 'f' -> new FrontendMessage.CopyFail(readCString(body));
            case 'P' -> readParse(body);
            case 'B' -> readBind(body);
            case 'D' -> new FrontendMessage.Describe(readKind(body, "Describe"), readCString(body));
            case 'E' -> {
                String portal = readCString(body);
                requireReadable(body, 4, "Execute");
                yield new FrontendMessage.Execute(portal, body.readInt());
            }
            case 'C' -> new FrontendMessage.Close(readKind(body, "Close"), readCString(body));
            case 'H' -> new FrontendMessage.Flush();
            case 'S' -> new FrontendMessage.Sync();
            case 'X' -> new FrontendMessage.Terminate();
            case 'p' -> {
                byte[] raw = new byte[body.readableBytes()];
                body.readBytes(raw);
                yield new FrontendMessage.PasswordMessage(raw);
            }
            default -> throw new ProtocolViolation("invalid frontend message type " + (int) type);
        };
        // The name only for the error: Class.getSimpleName on every message showed in profiles.
        if (body.isReadable()) {
            requireEnd(body, message.getClass().getSimpleName());
        }
        return message;
    }

    private static FrontendMessage.Parse readParse(ByteBuf body) {
        String name = readCString(body);
        String sql = readCString(body);
        int count = readCount(body, 4, "Parse");
        int[] oids = new int[count];
        for (int i = 0; i < count; i++) {
            oids[i] = body.readInt();
        }
        return new FrontendMessage.Parse(name, sql, oids);
    }

    private static FrontendMessage.Bind readBind(ByteBuf body) {
        String portal = readCString(body);
        String statement = readCString(body);
        short[] parameterFormats = readFormats(body);
        int count = readCount(body, 4, "Bind");
        byte[][] values = new byte[count][];
        for (int i = 0; i < count; i++) {
            requireReadable(body, 4, "Bind");
            int length = body.readInt();
            if (length == -1) {
                continue;
            }
            if (length < 0) {
                throw new ProtocolViolation("invalid parameter length " + length + " in Bind");
            }
            requireReadable(body, length, "Bind");
            values[i] = new byte[length];
            body.readBytes(values[i]);
        }
        return new FrontendMessage.Bind(portal, statement, parameterFormats, values, readFormats(body));
    }

    /** No format codes (all text), shared: an empty array holds nothing to change. */
    private static final short[] NO_FORMATS = new short[0];

    private static short[] readFormats(ByteBuf body) {
        int count = readCount(body, 2, "Bind");
        if (count == 0) {
            return NO_FORMATS;
        }
        short[] formats = new short[count];
        for (int i = 0; i < count; i++) {
            formats[i] = body.readShort();
            if (formats[i] != 0 && formats[i] != 1) {
                throw new ProtocolViolation("invalid format code " + formats[i]);
            }
        }
        return formats;
    }

    /** An Int16 count followed by that many items of {@code itemSize} bytes (at least). */
    private static int readCount(ByteBuf body, int itemSize, String what) {
        requireReadable(body, 2, what);
        int count = body.readUnsignedShort();
        requireReadable(body, count * itemSize, what);
        return count;
    }

    private static char readKind(ByteBuf body, String what) {
        requireReadable(body, 1, what);
        char kind = (char) body.readUnsignedByte();
        if (kind != 'S' && kind != 'P') {
            throw new ProtocolViolation("invalid " + what + " message subtype " + (int) kind);
        }
        return kind;
    }

    private static String readCString(ByteBuf body) {
        int end = body.indexOf(body.readerIndex(), body.writerIndex(), (byte) 0);
        if (end < 0) {
            throw new ProtocolViolation("invalid string in message");
        }
        int length = end - body.readerIndex();
        // The unnamed statement or portal, in most Bind/Describe/Execute messages, needs no decoding.
        String s = length == 0 ? "" : body.toString(body.readerIndex(), length, StandardCharsets.UTF_8);
        body.readerIndex(end + 1);
        return s;
    }

    private static void requireReadable(ByteBuf body, int bytes, String what) {
        if (body.readableBytes() < bytes) {
            throw new ProtocolViolation("invalid " + what + " message format");
        }
    }

    private static void requireEnd(ByteBuf body, String what) {
        if (body.isReadable()) {
            throw new ProtocolViolation("invalid " + what + " message format");
        }
    }
}
