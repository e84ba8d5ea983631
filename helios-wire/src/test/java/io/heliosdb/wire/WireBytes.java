package io.heliosdb.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client side of the protocol for tests: frontend frames out, backend frames parsed back. */
final class WireBytes {

    private WireBytes() {
    }

    /** A backend message as raw type and body. */
    record Received(char type, byte[] body) {
        ByteBuf buf() {
            return Unpooled.wrappedBuffer(body);
        }

        String string() {
            return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
        }

        /** ErrorResponse/NoticeResponse fields by code. */
        Map<Character, String> fields() {
            Map<Character, String> fields = new LinkedHashMap<>();
            ByteBuf b = buf();
            while (b.isReadable()) {
                char code = (char) b.readByte();
                if (code == 0) {
                    break;
                }
                fields.put(code, readCString(b));
            }
            return fields;
        }

        /** DataRow values as text (null for SQL NULL). */
        List<String> values() {
            ByteBuf b = buf();
            int n = b.readShort();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int len = b.readInt();
                values.add(len < 0 ? null : b.readCharSequence(len, StandardCharsets.UTF_8).toString());
            }
            return values;
        }

        /** DataRow values as bytes. */
        List<byte[]> rawValues() {
            ByteBuf b = buf();
            int n = b.readShort();
            List<byte[]> values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int len = b.readInt();
                byte[] v = len < 0 ? null : new byte[len];
                if (v != null) {
                    b.readBytes(v);
                }
                values.add(v);
            }
            return values;
        }

        /** ParameterStatus as name=value. */
        String parameter() {
            ByteBuf b = buf();
            return readCString(b) + "=" + readCString(b);
        }
    }

    static String readCString(ByteBuf b) {
        int end = b.indexOf(b.readerIndex(), b.writerIndex(), (byte) 0);
        String s = b.toString(b.readerIndex(), end - b.readerIndex(), StandardCharsets.UTF_8);
        b.readerIndex(end + 1);
        return s;
    }

    /** Parses every complete backend frame in {@code in}; the single byte 'N' before startup must be read apart. */
    static List<Received> parse(ByteBuf in) {
        List<Received> out = new ArrayList<>();
        while (in.readableBytes() >= 5) {
            int len = in.getInt(in.readerIndex() + 1);
            if (in.readableBytes() < len + 1) {
                break;
            }
            char type = (char) in.readByte();
            in.readInt();
            byte[] body = new byte[len - 4];
            in.readBytes(body);
            out.add(new Received(type, body));
        }
        return out;
    }

    static String types(List<Received> messages) {
        StringBuilder sb = new StringBuilder();
        messages.forEach(m -> sb.append(m.type()));
        return sb.toString();
    }

    static byte[] startup(int version, String... keyValues) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(0).writeInt(version);
        for (String s : keyValues) {
            cstring(b, s);
        }
        b.writeByte(0);
        b.setInt(0, b.readableBytes());
        return bytes(b);
    }

    static byte[] sslRequest() {
        return bytes(Unpooled.buffer().writeInt(8).writeInt(80877103));
    }

    static byte[] cancelRequest(int pid, int secret) {
        return bytes(Unpooled.buffer().writeInt(16).writeInt(80877102).writeInt(pid).writeInt(secret));
    }

    static byte[] query(String sql) {
        return frame('Q', b -> cstring(b, sql));
    }

    static byte[] parse(String name, String sql, int... oids) {
        return frame('P', b -> {
            cstring(b, name);
            cstring(b, sql);
            b.writeShort(oids.length);
            for (int oid : oids) {
                b.writeInt(oid);
            }
        });
    }

    /** Bind with one format code for all parameters and one for all results. */
    static byte[] bind(String portal, String statement, int paramFormat, byte[][] params, int resultFormat) {
        return frame('B', b -> {
            cstring(b, portal);
            cstring(b, statement);
            b.writeShort(1).writeShort(paramFormat);
            b.writeShort(params.length);
            for (byte[] p : params) {
                if (p == null) {
                    b.writeInt(-1);
                } else {
                    b.writeInt(p.length).writeBytes(p);
                }
            }
            b.writeShort(1).writeShort(resultFormat);
        });
    }

    static byte[] describe(char kind, String name) {
        return frame('D', b -> {
            b.writeByte(kind);
            cstring(b, name);
        });
    }

    static byte[] execute(String portal, int maxRows) {
        return frame('E', b -> {
            cstring(b, portal);
            b.writeInt(maxRows);
        });
    }

    static byte[] close(char kind, String name) {
        return frame('C', b -> {
            b.writeByte(kind);
            cstring(b, name);
        });
    }

    static byte[] sync() {
        return frame('S', b -> { });
    }

    static byte[] flush() {
        return frame('H', b -> { });
    }

    static byte[] terminate() {
        return frame('X', b -> { });
    }

    static byte[] frame(char type, java.util.function.Consumer<ByteBuf> body) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(type).writeInt(0);
        body.accept(b);
        b.setInt(1, b.readableBytes() - 1);
        return bytes(b);
    }

    static byte[] concat(byte[]... parts) {
        ByteBuf b = Unpooled.buffer();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return bytes(b);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void cstring(ByteBuf b, String s) {
        b.writeCharSequence(s, StandardCharsets.UTF_8);
        b.writeByte(0);
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
