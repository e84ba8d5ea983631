package io.heliosdb.sql.parse;

import io.heliosdb.api.HeliosException;
import io.heliosdb.api.SqlState;

/** Decodes PostgreSQL's escape string constants, {@code E'...'}, with their backslash sequences. */
final class EscapeStrings {

    private EscapeStrings() {
    }

    /** {@code token} is the whole literal including {@code E'} and the closing quote. */
    static String decode(String token, int position) {
        String body = token.substring(2, token.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                out.append('\'');
                i++; // '' inside the literal is one quote
                continue;
            }
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> i = appendCode(body, i + 1, 16, 2, out, position) - 1;
                case 'u' -> i = appendCode(body, i + 1, 16, 4, out, position) - 1;
                case 'U' -> i = appendCode(body, i + 1, 16, 8, out, position) - 1;
                default -> {
                    if (e >= '0' && e <= '7') {
                        i = appendCode(body, i, 8, 3, out, position) - 1;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Reads up to {@code max} digits of {@code radix} from {@code from}; returns the index after them. */
    private static int appendCode(String body, int from, int radix, int max, StringBuilder out, int position) {
        int end = from;
        while (end < body.length() && end - from < max && Character.digit(body.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == from) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "invalid Unicode escape", null, null, position + 1, null);
        }
        int code = Integer.parseInt(body, from, end, radix);
        if (code == 0 || code > Character.MAX_CODE_POINT) {
            throw new HeliosException(SqlState.SYNTAX_ERROR, "invalid escape value", null, null, position + 1, null);
        }
        out.appendCodePoint(code);
        return end;
    }
}
