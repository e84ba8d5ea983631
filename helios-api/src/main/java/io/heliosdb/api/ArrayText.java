package io.heliosdb.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** PostgreSQL's text form of one-dimensional arrays: {@code {1,2,NULL,"a b"}}. */
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
            if (e == null) {
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
        List<Object> elements = new ArrayList<>();
        int i = 1;
        int end = s.length() - 1;
        i = skipSpace(s, i, end);
        if (i == end) {
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            i = skipSpace(s, i, end);
            if (i >= end) {
                throw malformed(text, "Unexpected \"}\" character.");
            }
            char c = s.charAt(i);
            if (c == '{') {
                throw new HeliosException(SqlState.FEATURE_NOT_SUPPORTED, "multidimensional arrays are not supported");
            }
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
            if (quoted) {
                throw malformed(text, "Unexpected end of input.");
            }
            String raw = element.substring(0, lastSignificant);
            if (!wasQuoted && raw.isEmpty()) {
                throw malformed(text, "Unexpected \",\" character.");
            }
            elements.add(!wasQuoted && raw.toUpperCase(Locale.ROOT).equals("NULL") ? null : elementType.parse(raw));
            if (i >= end) {
                break;
            }
            i++; // the comma
        }
        return Collections.unmodifiableList(elements);
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
