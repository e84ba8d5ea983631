package io.heliosdb.wire.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of an anonymous record (record_send): the field count, then per field its type OID, length
 * (-1 for NULL) and bytes. The engine holds a record as its text {@code (1,"a b",)}, so each field goes out as
 * text (OID 25) with the characters record_in would read.
 */
final class PgRecordBinary {
    private static final int TEXT_OID = 25;

    private PgRecordBinary() {
    }

    static byte[] encode(String record) {
        List<String> fields = fields(record);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4).putInt(fields.size()).array());
        for (String f : fields) {
            byte[] bytes = f == null ? null : f.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(8).putInt(TEXT_OID).putInt(bytes == null ? -1 : bytes.length).array());
            if (bytes != null) {
                out.writeBytes(bytes);
            }
        }
        return out.toByteArray();
    }

    /** The fields of {@code (a,"b c",)}: an empty unquoted field is NULL; quotes and backslashes escape. */
    static List<String> fields(String record) {
        List<String> fields = new ArrayList<>();
        int end = record.length() - 1;
        if (end < 1) {
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean sawQuote = false;
        for (int i = 1; i < end; i++) {
            char c = record.charAt(i);
            if (c == '\\' && i + 1 < end) {
                field.append(record.charAt(++i));
            } else if (c == '"') {
                if (quoted && i + 1 < end && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                    sawQuote = true;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.length() == 0 && !sawQuote ? null : field.toString());
                field.setLength(0);
                sawQuote = false;
            } else {
                field.append(c);
            }
        }
        fields.add(field.length() == 0 && !sawQuote ? null : field.toString());
        return fields;
    }
}
