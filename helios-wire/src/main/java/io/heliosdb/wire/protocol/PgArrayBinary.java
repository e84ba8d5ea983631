package io.heliosdb.wire.protocol;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;
import io.heliosdb.api.SqlType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PostgreSQL's binary array format (array_send/array_recv): dimensions, a has-nulls flag, the element type
 * OID, per dimension its length and lower bound (1), then each element as a length (-1 for NULL) and its
 * binary form (row-major for several dimensions); an empty array has no dimensions. Only one-dimensional
 * arrays are read.
 */
final class PgArrayBinary {

    private PgArrayBinary() {
    }

    static byte[] encode(SqlType type, List<?> array) {
        SqlType elementType = type.elementType();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] dimensions = io.heliosdb.api.ArrayShape.dimensions(array);
        List<Object> elements = io.heliosdb.api.ArrayShape.flatten(array);
        boolean hasNull = elements.contains(null);
        writeInt(out, dimensions.length);
        writeInt(out, hasNull ? 1 : 0);
        writeInt(out, elementType.oid());
        for (int length : dimensions) {
            writeInt(out, length);
            writeInt(out, 1);
        }
        for (Object e : elements) {
            if (e == null) {
                writeInt(out, -1);
            } else {
                byte[] b = PgBinaryCodec.encode(elementType, e);
                writeInt(out, b.length);
                out.writeBytes(b);
            }
        }
        return out.toByteArray();
    }

    static List<Object> decode(SqlType type, ByteBuffer buf) {
        SqlType elementType = type.elementType();
        int dims = buf.getInt();
        buf.getInt(); // has-nulls flag: the lengths say it again
        buf.getInt(); // element OID: the parameter's type decides
        if (dims == 0) {
            return List.of();
        }
        if (dims != 1) {
            throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
        }
        int count = buf.getInt();
        buf.getInt(); // lower bound
        if (count < 0 || count > buf.remaining() / 4) {
            throw new HeliosException(SqlState.PROTOCOL_VIOLATION, "insufficient data left in message");
        }
        List<Object> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = buf.getInt();
            if (length < 0) {
                elements.add(null);
                continue;
            }
            byte[] b = new byte[length];
            buf.get(b);
            elements.add(PgBinaryCodec.decode(elementType, b));
        }
        return Collections.unmodifiableList(elements);
    }

    /** jsonb's binary form: a version byte (1) and the text. */
    static byte[] jsonb(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        out[0] = 1;
        System.arraycopy(utf8, 0, out, 1, utf8.length);
        return out;
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
