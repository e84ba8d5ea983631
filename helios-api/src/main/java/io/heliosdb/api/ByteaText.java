package io.heliosdb.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** bytea input: the hex form {@code \x0aff} or the escape form ({@code abc\000\\}), as PostgreSQL reads them. */
final class ByteaText {

    private ByteaText() {
    }

    static byte[] parse(String text) {
        if (text.startsWith("\\x") || text.startsWith("\\X")) {
            String hex = text.substring(2).replaceAll("\\s", "");
            if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]*")) {
                throw new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid hexadecimal data: odd number of digits or bad digit");
            }
            return java.util.HexFormat.of().parseHex(hex);
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] != '\\') {
                out.write(utf8[i]);
            } else if (i + 1 < utf8.length && utf8[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (i + 3 < utf8.length && octal(utf8[i + 1]) <= 3 && octal(utf8[i + 2]) < 8 && octal(utf8[i + 3]) < 8) {
                out.write(octal(utf8[i + 1]) * 64 + octal(utf8[i + 2]) * 8 + octal(utf8[i + 3]));
                i += 3;
            } else {
                throw new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return out.toByteArray();
    }

    private static int octal(byte b) {
        return b >= '0' && b <= '7' ? b - '0' : 99;
    }
}
