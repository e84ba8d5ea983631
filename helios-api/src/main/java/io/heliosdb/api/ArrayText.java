package io.heliosdb.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** PostgreSQL's text form of arrays: {@code {1,2,NULL,"a b"}}, {@code {{1,2},{3,4}}}. */
final class ArrayText {

    private ArrayText() {
    }

    static String format(SqlType arrayType, List<?> elements) {
        SqlType elementType = arrayType.elementType();
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object e = elements.get(i);
            if (e instanceof List<?> sub) {
                out.append(format(arrayType, sub));
            } else if (e == null) {
                out.append("NULL");
            } else {
                appendElement(out, elementType.format(e));
            }
        }
        return out.append('}').toString();
    }

    private static void appendElement(StringBuilder out, String text) {
        boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL");
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || Character.isWhitespace(c);
        }
        if (!quote) {
            out.append(text);
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    static List<Object> parse(SqlType arrayType, String text) {
        SqlType elementType = arrayType.elementType();
        String s = text.strip();
        if (s.length() < 2 || s.charAt(0) != '{' || s.charAt(s.length() - 1) != '}') {
            throw malformed(text, s.startsWith("[") ? "Array dimensions are not supported."
                    : "Array value must start with \"{\" or dimension information.");
        }
        int[] at = {0};
        List<Object> elements = level(s, at, text, elementType);
        if (skipSpace(s, at[0], s.length()) != s.length()) {
            throw malformed(text, "Junk after closing right brace.");
        }
        ArrayShape.dimensions(elements, () -> malformed(text,
                "Multidimensional arrays must have sub-arrays with matching dimensions."));
        return elements;
    }

    /** One brace level starting at {@code at[0]} (its '{'); leaves {@code at[0]} after its '}'. */
    private static List<Object> level(String s, int[] at, String text, SqlType elementType) {
        int end = s.length();
        List<Object> elements = new ArrayList<>();
        int i = skipSpace(s, at[0] + 1, end);
        if (i < end && s.charAt(i) == '}') {
            at[0] = i + 1;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            i = skipSpace(s, i, end);
            if (i >= end) {
                throw malformed(text, "Unexpected end of input.");
            }
            char c = s.charAt(i);
            if (c == '{') {
                at[0] = i;
                elements.add(level(s, at, text, elementType));
                i = skipSpace(s, at[0], end);
            } else {
                StringBuilder element = new StringBuilder();
                boolean quoted = false;
                boolean wasQuoted = false;
                int lastSignificant = 0;
                while (i < end && (quoted || (s.charAt(i) != ',' && s.charAt(i) != '}'))) {
                    c = s.charAt(i);
                    if (c == '"') {
                        quoted = !quoted;
                        wasQuoted = true;
                        lastSignificant = element.length();
                        i++;
                        continue;
                    }
                    if (c == '\\') {
                        if (i + 1 >= end) {
                            throw malformed(text, "Unexpected end of input.");
                        }
                        element.append(s.charAt(i + 1));
                        lastSignificant = element.length();
                        i += 2;
                        continue;
                    }
                    if (!quoted && (c == '{')) {
                        throw malformed(text, "Unexpected \"{\" character.");
                    }
                    element.append(c);
                    if (quoted || !Character.isWhitespace(c)) {
                        lastSignificant = element.length();
                    }
                    i++;
                }
                if (quoted || i >= end) {
                    throw malformed(text, "Unexpected end of input.");
                }
                String raw = element.substring(0, lastSignificant);
                if (!wasQuoted && raw.isEmpty()) {
                    throw malformed(text, "Unexpected \"" + s.charAt(i) + "\" character.");
                }
                elements.add(!wasQuoted && raw.toUpperCase(Locale.ROOT).equals("NULL") ? null : elementType.parse(raw));
            }
            if (i >= end) {
                throw malformed(text, "Unexpected end of input.");
            }
            if (s.charAt(i) == '}') {
                at[0] = i + 1;
                return Collections.unmodifiableList(elements);
            }
            if (s.charAt(i) != ',') {
                throw malformed(text, "Unexpected \"" + s.charAt(i) + "\" character.");
            }
            i++; // the comma
        }
    }

    private static int skipSpace(String s, int i, int end) {
        while (i < end && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static HeliosException malformed(String text, String detail) {
        return new HeliosException(SqlState.INVALID_TEXT_REPRESENTATION,
                "malformed array literal: \"" + text + "\"", detail, null, -1, null);
    }
}
