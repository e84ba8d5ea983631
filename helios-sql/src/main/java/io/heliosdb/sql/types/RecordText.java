package io.heliosdb.sql.types;

/**
 * PostgreSQL's text form of an anonymous record ({@code (a,1)}, {@code (k,"{""x"": 1}")}), which a
 * set-returning function of several columns gives when it is called in a select list.
 */
public final class RecordText {
    /** Marks a set function whose rows are folded into one record column. */
    public static final String SET_FUNCTION_PREFIX = "record ";

    private RecordText() {
    }

    /** The fields' text forms (null for NULL, which is written as nothing) as a record. */
    public static String format(String[] fields) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields[i];
            if (f != null) {
                appendField(out, f);
            }
        }
        return out.append(')').toString();
    }

    private static void appendField(StringBuilder out, String f) {
        boolean quote = f.isEmpty();
        for (int i = 0; i < f.length() && !quote; i++) {
            char c = f.charAt(i);
            quote = c == '"' || c == '\\' || c == '(' || c == ')' || c == ',' || Character.isWhitespace(c);
        }
        if (!quote) {
            out.append(f);
            return;
        }
        out.append('"');
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '"' || c == '\\') {
                out.append(c);
            }
            out.append(c);
        }
        out.append('"');
    }

    /**
     * The fields of record text as PostgreSQL's record_in reads them (null for an empty unquoted field), checking
     * there are {@code expected} of them (any number when negative). 22P02 on malformed text.
     */
    public static String[] parse(String text, int expected) {
        int at = 0;
        int n = text.length();
        while (at < n && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= n || text.charAt(at) != '(') {
            throw malformed(text, "Missing left parenthesis.");
        }
        at++;
        java.util.List<String> fields = new java.util.ArrayList<>();
        int[] end = new int[1];
        boolean empty = expected == 0 || expected < 0 && at < n && text.charAt(at) == ')';
        while (!empty) {
            if (at < n && (text.charAt(at) == ',' || text.charAt(at) == ')')) {
                fields.add(null);
            } else {
                fields.add(field(text, at, end));
                at = end[0];
            }
            if (at >= n) {
                throw malformed(text, "Unexpected end of input.");
            }
            if (text.charAt(at) != ',') {
                break;
            }
            if (fields.size() == expected) {
                throw malformed(text, "Too many columns.");
            }
            at++;
        }
        if (at >= n) {
            throw malformed(text, "Unexpected end of input.");
        }
        if (text.charAt(at) != ')') {
            throw malformed(text, "Too many columns.");
        }
        if (expected >= 0 && fields.size() < expected) {
            throw malformed(text, "Too few columns.");
        }
        at++;
        while (at < n && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at < n) {
            throw malformed(text, "Junk after right parenthesis.");
        }
        return fields.toArray(new String[0]);
    }

    /** One non-empty field from {@code from}; {@code end[0]} is set to where it ends (at a comma or parenthesis). */
    private static String field(String text, int from, int[] end) {
        int n = text.length();
        int at = from;
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (at >= n) {
                throw malformed(text, "Unexpected end of input.");
            }
            char c = text.charAt(at);
            if (!quoted && (c == ',' || c == ')')) {
                break;
            }
            at++;
            if (c == '\\') {
                if (at >= n) {
                    throw malformed(text, "Unexpected end of input.");
                }
                field.append(text.charAt(at++));
            } else if (c == '"') {
                if (!quoted) {
                    quoted = true;
                } else if (at < n && text.charAt(at) == '"') {
                    field.append('"');
                    at++;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
        }
        end[0] = at;
        return field.toString();
    }

    private static io.heliosdb.api.HeliosException malformed(String text, String detail) {
        return new io.heliosdb.api.HeliosException(io.heliosdb.api.SqlState.INVALID_TEXT_REPRESENTATION,
                "malformed record literal: \"" + text + "\"", detail, null, 0, null);
    }
}
